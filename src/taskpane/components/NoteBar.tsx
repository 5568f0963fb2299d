import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, type MessageBarProps } from '@fluentui/react-components';

/**
 * A message without a title. Fluent's MessageBar names itself by its MessageBarTitle
 * (`aria-labelledby` its title's id, set whether or not there is one): without a title that names
 * an element that does not exist, which axe-core reports (aria-valid-attr-value). Here the group
 * goes unnamed, and a screen reader reads its text.
 */
export function NoteBar({ children, ...props }: Omit<MessageBarProps, 'aria-labelledby' | 'children'> & { children: ReactNode }) {
  return (
    <MessageBar {...props} aria-labelledby={undefined}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
