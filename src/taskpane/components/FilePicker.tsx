import { useId, useRef, useState, type DragEvent } from 'react';
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PickedFile } from '../model/source';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  compact: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  input: {
    // Visually hidden, still in the page for the button and for drops on it.
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export interface FilePickerProps {
  onFile: (file: PickedFile) => void;
  disabled?: boolean;
  /** After the first file: a slimmer zone. */
  compact?: boolean;
  /** Where the workbook is read: `i webbläsaren`, `i Word`. */
  where?: string;
  /** Other words for another file (the earlier version to compare with): the button's, after a file, the hint's and the input's. */
  labels?: { choose: string; chooseAgain: string; hint: string; input: string };
}

const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A button that opens the file chooser, and a zone that takes a dropped workbook. */
export function FilePicker({ onFile, disabled = false, compact = false, where = 'i webbläsaren', labels }: FilePickerProps) {
  const styles = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDragOver = (event: DragEvent) => {
    if (!Array.from(event.dataTransfer.types).includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <div
      className={mergeClasses(styles.zone, compact && styles.compact, dragging && styles.dragging)}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={(event) => {
        // Moving onto the button inside the zone is no leaving.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <input
        id={id}
        ref={input}
        className={styles.input}
        type="file"
        accept={ACCEPT}
        tabIndex={-1}
        aria-label={labels?.input ?? 'Välj en arbetsbok (.xlsx)'}
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so that choosing the same file again (after editing it in Excel) checks it again.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button appearance={compact ? 'secondary' : 'primary'} disabled={disabled} onClick={() => input.current?.click()}>
        {labels ? (compact ? labels.chooseAgain : labels.choose) : compact ? 'Välj en annan arbetsbok…' : 'Välj arbetsbok…'}
      </Button>
      <Text className={styles.hint}>
        {labels?.hint ?? (compact ? 'eller släpp en .xlsx-fil här.' : `eller släpp en .xlsx-fil här. Arbetsboken läses här ${where} och skickas ingenstans.`)}
      </Text>
    </div>
  );
}
