import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** A Swedish error with its title: what went wrong, then why. Text only, never HTML. */
export function ErrorBar({ title, text }: { title: string; text: string }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}
