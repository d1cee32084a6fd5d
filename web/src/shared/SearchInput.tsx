import { useEffect, useRef, useState } from 'react';
import { Button, Input, Space } from 'antd';
import { useI18n } from './i18n.ts';

type Props = {
  value: string | undefined;
  onSearch: (value: string | undefined) => void;
  placeholder?: string;
  width?: number;
  /** Lands on the <input> itself (antd's Input.Search would put it on its wrapper). */
  'data-testid'?: string;
};

const DELAY_MS = 400;

/** Search box that queries as the user types (debounced) and at once on Enter or the button. */
export function SearchInput({ value, onSearch, placeholder, width = 300, 'data-testid': testId }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(value ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const searchNow = (next: string) => {
    clearTimeout(timer.current);
    onSearch(next.trim() || undefined);
  };

  return (
    <Space.Compact style={{ width }}>
      <Input
        allowClear
        value={text}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => onSearch(next.trim() || undefined), DELAY_MS);
        }}
        onPressEnter={() => searchNow(text)}
      />
      <Button onClick={() => searchNow(text)}>{t('common.search')}</Button>
    </Space.Compact>
  );
}
