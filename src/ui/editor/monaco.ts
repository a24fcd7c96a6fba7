/**
 * Monaco, as much of it as the editor needs: the core, the JSON language and a hand-picked set of
 * editor features. Only the editor dialog imports this module, with a dynamic `import()`, so none
 * of it is in the first load; Vite bundles it (and its two workers) from our own origin.
 * `monaco-editor`'s main entry would pull in some eighty languages and the TypeScript worker.
 */
import { editor, KeyCode, KeyMod, MarkerSeverity, Uri } from 'monaco-editor/editor/editor.api';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

// Editor features (each registers itself). Left out: other languages, the diff editor, the command
// palette, inline completions, code lenses, colour pickers, links and drag-and-drop.
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/unicodeHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/editor/common/standaloneStrings';

import { schemaKindFor } from './files';
import { policySchema, schemaUri, type SchemaText } from './policySchema';

// Monaco looks its workers up here (its types declare `self.MonacoEnvironment`).
self.MonacoEnvironment = {
  getWorker: (_workerId, label) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

export interface EditorLook {
  theme: 'light' | 'dark';
  presentation: boolean;
}

export interface Problem {
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface EditorHandle {
  getText(): string;
  /** Whether the text differs from the last saved text. */
  isDirty(): boolean;
  /** Marks the current text as saved, so `onDirtyChange` compares against it from now on. */
  markSaved(text: string): void;
  setLook(look: EditorLook): void;
  setAriaLabel(label: string): void;
  /** Re-registers the policy schemas with descriptions in the current language. */
  setSchemaText(text: SchemaText): void;
  focus(): void;
  revealLine(line: number): void;
  dispose(): void;
}

export interface EditorOptions {
  container: HTMLElement;
  path: string;
  text: string;
  look: EditorLook;
  ariaLabel: string;
  schemaText: SchemaText;
  onDirtyChange(dirty: boolean): void;
  onProblems(problems: Problem[]): void;
  onSave(): void;
}

const themeName = ({ theme, presentation }: EditorLook): string => (presentation ? (theme === 'dark' ? 'hc-black' : 'hc-light') : theme === 'dark' ? 'vs-dark' : 'vs');
const fontSize = ({ presentation }: EditorLook): number => (presentation ? 22 : 14);

/**
 * The schema of each open policy file, keyed by model URI: the JSON worker is told exactly which
 * schema checks which file (a file's name decides, see `schemaKindFor`).
 */
function applySchemas(uris: readonly Uri[], text: SchemaText): void {
  const schemas = uris.flatMap((uri) => {
    const kind = schemaKindFor(uri.path);
    return kind ? [{ uri: schemaUri(kind), fileMatch: [uri.toString()], schema: policySchema(kind, text) }] : [];
  });
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    comments: 'error',
    trailingCommas: 'error',
    // IAM would refuse what the schema flags, but a warning leaves room for JSON files that are not policies.
    schemaValidation: 'warning',
    // Never fetch a schema: every one is given here, and no request may leave the page.
    enableSchemaRequest: false,
    schemaRequest: 'ignore',
    schemas,
  });
}

/** Opens one file in a new editor inside `container`. */
export function createEditor(options: EditorOptions): EditorHandle {
  const uri = Uri.file(options.path);
  editor.getModel(uri)?.dispose();
  const model = editor.createModel(options.text, schemaKindFor(options.path) ? 'json' : 'plaintext', uri);
  let schemaText = options.schemaText;
  applySchemas([uri], schemaText);

  const view = editor.create(options.container, {
    model,
    theme: themeName(options.look),
    fontSize: fontSize(options.look),
    fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--mono').trim() || undefined,
    ariaLabel: options.ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    wordWrap: 'on',
    fixedOverflowWidgets: true,
    renderValidationDecorations: 'on',
    // Monaco dims the number of the line after a final newline, below AA contrast.
    renderFinalNewline: 'on',
    quickSuggestions: { strings: true, other: true, comments: false },
    accessibilitySupport: 'auto',
    // Links in file text are never opened: nothing a file contains may act.
    links: false,
    dragAndDrop: false,
  });

  let saved = options.text;
  let dirty = false;
  const updateDirty = () => {
    const now = model.getValue() !== saved;
    if (now !== dirty) options.onDirtyChange((dirty = now));
  };
  const reportProblems = () => {
    const markers = editor.getModelMarkers({ resource: uri });
    options.onProblems(
      markers
        .filter((m) => m.severity === MarkerSeverity.Error || m.severity === MarkerSeverity.Warning)
        .sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn)
        .map((m) => ({ line: m.startLineNumber, message: m.message, severity: m.severity === MarkerSeverity.Error ? 'error' : 'warning' })),
    );
  };

  const subscriptions = [
    model.onDidChangeContent(updateDirty),
    editor.onDidChangeMarkers((changed) => {
      if (changed.some((u) => u.toString() === uri.toString())) reportProblems();
    }),
  ];
  view.addCommand(KeyMod.CtrlCmd | KeyCode.KeyS, () => options.onSave());
  reportProblems();

  return {
    getText: () => model.getValue(),
    isDirty: () => model.getValue() !== saved,
    markSaved(text) {
      saved = text;
      updateDirty();
    },
    setLook(look) {
      editor.setTheme(themeName(look));
      view.updateOptions({ fontSize: fontSize(look) });
    },
    setAriaLabel(ariaLabel) {
      view.updateOptions({ ariaLabel });
    },
    setSchemaText(text) {
      if (text === schemaText) return;
      schemaText = text;
      applySchemas([uri], text);
    },
    focus: () => view.focus(),
    revealLine(line) {
      view.revealLineInCenter(line);
      view.setPosition({ lineNumber: line, column: model.getLineFirstNonWhitespaceColumn(line) || 1 });
      view.focus();
    },
    dispose() {
      for (const s of subscriptions) s.dispose();
      view.dispose();
      model.dispose();
    },
  };
}
