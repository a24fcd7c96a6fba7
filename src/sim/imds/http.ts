/**
 * The metadata service's HTTP answers: plain text for data, and the XHTML pages it sends for
 * errors. Header names are lower-cased, as the CLI's `curl` prints them.
 */
export interface ImdsResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const TOKEN_TTL_HEADER = 'x-aws-ec2-metadata-token-ttl-seconds';
export const TOKEN_HEADER = 'x-aws-ec2-metadata-token';

function baseHeaders(contentType: string, body: string, now: number): Record<string, string> {
  return {
    'content-type': contentType,
    'content-length': String(body.length),
    date: new Date(now).toUTCString(),
    server: 'EC2ws',
    connection: 'close',
  };
}

export const textResponse = (body: string, now: number, extra: Record<string, string> = {}): ImdsResponse => ({
  status: 200,
  headers: { ...baseHeaders('text/plain', body, now), ...extra },
  body,
});

// The 404 page differs in style from the IMDSv2 ones (encoding, indentation), as AWS serves them.
const NOT_FOUND = `<?xml version="1.0" encoding="iso-8859-1"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
\t"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
 <head>
  <title>404 - Not Found</title>
 </head>
 <body>
  <h1>404 - Not Found</h1>
 </body>
</html>`;

const page = (title: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
   <head>
      <title>${title}</title>
   </head>
   <body>
      <h1>${title}</h1>
   </body>
</html>`;

const PAGES: Readonly<Record<400 | 401 | 403 | 404 | 405, string>> = {
  400: page('400 - Bad Request'),
  401: page('401 - Unauthorized'),
  // [BEL] 403 and 405 are assumed to follow the IMDSv2 pages' style.
  403: page('403 - Forbidden'),
  404: NOT_FOUND,
  405: page('405 - Method Not Allowed'),
};

export const errorResponse = (status: keyof typeof PAGES, now: number): ImdsResponse => ({
  status,
  headers: baseHeaders('text/html', PAGES[status], now),
  body: PAGES[status],
});

/** The metadata service's own JSON style: two-space indent and spaces around the colon. */
export const imdsJson = (fields: readonly (readonly [string, string])[]): string =>
  `{\n${fields.map(([key, value]) => `  ${JSON.stringify(key)} : ${JSON.stringify(value)}`).join(',\n')}\n}`;
