// What the first paint shows, in one chunk per language (see ../bundles.ts).
export { default as app } from '../../../../locales/en/app.json';
export { default as terminal } from '../../../../locales/en/terminal.json';
export { default as graph } from '../../../../locales/en/graph.json';
export { default as console } from '../../../../locales/en/console.json';
export { default as editor } from '../../../../locales/en/editor.json';
