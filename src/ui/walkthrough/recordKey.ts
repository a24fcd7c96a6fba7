/** Where the walkthrough's record lives in localStorage; on its own, so the page's first chunk can read it without the lessons. */
export const RECORD_KEY = 'iam-lab:walkthrough';
