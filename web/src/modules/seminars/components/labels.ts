import type { Language } from '../../../shared/i18n.ts';
import { learningLabel } from '../../learning/enums.ts';

export const STATUS_COLOUR: Record<string, string> = {
  draft: 'default', submitted: 'blue', returned: 'orange', pre_approved: 'cyan', in_review: 'geekblue', reviewed: 'purple', approved: 'green', not_selected: 'default', withdrawn: 'default',
};

export const fieldLabel = (language: Language, field: string) => learningLabel(language, 'field', field);
