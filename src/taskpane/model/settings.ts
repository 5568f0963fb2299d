import type { AnalysisSettings } from '../../core/analyze';
import { failure, type Result } from '../../core/result';
import type { FormErrors, SettingsForm } from '../../app/settingsForm';
import { sentence } from './format';

export { DEFAULT_FORM, type FormErrors, type SettingsForm } from '../../app/settingsForm';

/**
 * The form read by the app's one settings reader (the command's rules and reasons), each reason
 * as a sentence. Asynchronous: the reader comes with decimal.js, which is loaded with the engine
 * rather than with the pane.
 */
export async function settingsFromForm(form: SettingsForm): Promise<Result<AnalysisSettings, FormErrors>> {
  const { settingsFromForm: read } = await import(/* webpackChunkName: "settings" */ '../../app/settings');
  const parsed = read(form);
  if (parsed.ok) return parsed;
  const errors: FormErrors = {};
  for (const [field, reason] of Object.entries(parsed.reason) as [keyof FormErrors, string][]) errors[field] = sentence(reason);
  return failure(errors);
}
