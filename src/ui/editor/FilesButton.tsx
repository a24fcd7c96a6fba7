import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './files-button.css';

const FilesDialog = lazy(() => import('./FilesDialog'));

/** The terminal panel's "Files" button: the home folder's files, to open, create and delete. */
export function FilesButton() {
  const { t } = useTranslation('editor');
  const [open, setOpen] = useState(false);
  // Loaded on first use, then kept, so closing the dialog returns focus to this button.
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button panel-action"
        aria-haspopup="dialog"
        aria-label={t('files.buttonLabel')}
        title={t('files.buttonLabel')}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
        data-testid="files.button"
      >
        {t('files.button')}
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <FilesDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
