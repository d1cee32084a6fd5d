import { useCallback, useState } from 'react';
import { Alert, App, type FormInstance } from 'antd';
import { ApiError, type ApiErrorDetail } from './api.ts';
import { describeError, splitDetails } from './errors.ts';
import { useI18n } from './i18n.ts';

type ServerErrorState = { message: string; rest: ApiErrorDetail[] } | null;

/**
 * Shows a failed submission where the user looks: each `details[]` entry under its field
 * (Form.setFields), the top-level message in a toast and in an alert above the form.
 */
export function useServerError(form: FormInstance, fieldNames: readonly string[]) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [state, setState] = useState<ServerErrorState>(null);

  const show = useCallback(
    (error: unknown) => {
      const text = describeError(t, error);
      const details = error instanceof ApiError ? error.details : [];
      const { byField, rest } = splitDetails(details, fieldNames);
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      setState({ message: text, rest });
      void message.error(text);
    },
    [t, message, form, fieldNames],
  );

  const clear = useCallback(() => setState(null), []);
  return { serverError: state, showServerError: show, clearServerError: clear };
}

export function ServerErrorAlert({ error }: { error: ServerErrorState }) {
  if (!error) return null;
  const description =
    error.rest.length > 0 ? (
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {error.rest.map((d, i) => (
          <li key={`${d.path ?? ''}-${i}`}>{d.message}</li>
        ))}
      </ul>
    ) : undefined;
  return <Alert type="error" showIcon title={error.message} description={description} style={{ marginBottom: 16 }} data-testid="form-error" />;
}
