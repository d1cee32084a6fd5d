import { Alert } from 'antd';

/** A failed load, with the server's message in the UI language. */
export function ErrorAlert({ error }: { error: unknown }) {
  return <Alert type="error" showIcon title={error instanceof Error ? error.message : String(error)} />;
}
