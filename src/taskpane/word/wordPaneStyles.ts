import { makeStyles, tokens } from '@fluentui/react-components';
import { PAGE_RULES } from '../components/pageStyles';

/** The Word pane's styles, shared by its steps. */
export const useWordPaneStyles = makeStyles({
  ...PAGE_RULES,
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '1.5em' },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  stale: { opacity: 0.6 },
  name: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  option: { display: 'flex', flexDirection: 'column' },
  optionState: { marginLeft: '36px', marginTop: '-6px', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  optionStateAttention: { color: tokens.colorPaletteDarkOrangeForeground1 },
  insert: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  insertNote: { flex: '1 1 16em', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  confirm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  confirmList: { margin: 0, paddingLeft: '1.4em' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  messageActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});
