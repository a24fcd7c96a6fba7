// What the first paint shows, in one chunk per language (see ../bundles.ts).
export { default as app } from '../../../../locales/ja/app.json';
export { default as terminal } from '../../../../locales/ja/terminal.json';
export { default as graph } from '../../../../locales/ja/graph.json';
export { default as console } from '../../../../locales/ja/console.json';
export { default as editor } from '../../../../locales/ja/editor.json';
