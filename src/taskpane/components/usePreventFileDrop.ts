import { useEffect } from 'react';

/** A file dropped beside the drop zone must not make the browser (or Office's web view) leave the pane to show it. */
export function usePreventFileDrop(): void {
  useEffect(() => {
    const stop = (event: DragEvent) => {
      if (event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}
