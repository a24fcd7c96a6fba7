import { lazy, Suspense, useEffect, useRef } from 'react';
import { useLab, useLabActions } from '../app/LabContext';
import { labMessage } from '../store/messages';
import { insideHome, isFolder } from './files';

// The dialog and Monaco behind it load on the first `edit` (see monaco.ts), never with the page.
const EditorDialog = lazy(() => import('./EditorDialog'));

/**
 * Shows the editor for the file the store names (`edit FILE` in the terminal, or the file list).
 * A path the editor may not open is refused here, with the worker's own words for it.
 */
export function EditorHost() {
  const path = useLab((s) => s.editorPath);
  const files = useLab((s) => s.published?.shell.files);
  const { notify, closeEditor } = useLabActions();
  const refusal = path === undefined ? undefined : isFolder(path, files ?? []) ? ('files.isDirectory' as const) : !insideHome(path) ? ('files.outsideHome' as const) : undefined;

  // Said once per refusal, even when the effect runs twice (React's strict mode in development).
  const refused = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (path === undefined) refused.current = undefined;
    if (path === undefined || !refusal || refused.current === path) return;
    refused.current = path;
    notify('error', labMessage({ key: refusal, values: { path } }));
    closeEditor();
  }, [path, refusal, notify, closeEditor]);

  if (path === undefined || refusal) return null;
  return (
    <Suspense fallback={null}>
      <EditorDialog key={path} path={path} />
    </Suspense>
  );
}
