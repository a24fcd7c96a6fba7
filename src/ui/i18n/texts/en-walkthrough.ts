// The walkthrough panel's words and its lessons, loaded when the panel first shows (see ../bundles.ts).
export { default as walkthrough } from '../../../../locales/en/walkthrough.json';
export { default as lessons } from '../../../../locales/en/lessons.json';
