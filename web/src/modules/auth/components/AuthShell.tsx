import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { LanguageSwitch } from '../../../shared/Layout.tsx';
import { useI18n } from '../../../shared/i18n.ts';

/** Frame of the signed-out pages: product name, language switch, one card. */
export function AuthShell({ title, children, width = 400 }: { title: string; children: ReactNode; width?: number }) {
  const { t } = useI18n();
  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #1d4f91 0%, #f0f2f5 55%)', padding: '48px 16px' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <div style={{ maxWidth: width, margin: '0 auto' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={2} style={{ color: '#fff', marginBottom: 4 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text style={{ color: '#e6ecf5' }}>{t('app.fullName')}</Typography.Text>
        </div>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}
