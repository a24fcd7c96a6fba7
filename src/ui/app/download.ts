/** Saves text as a file through the browser's download, without a server. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started by the time the click handler returns; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `iam-lab-2026-01-15-0930.json`: sorts by date and says what it is. */
export function exportFileName(now: Date): string {
  return `iam-lab-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.json`;
}
