import type { Messages } from '../../messages.js';

export default {
  label: 'إعدادات الحساب',
  tabs: {
    profile: 'الملف الشخصي',
    security: 'الأمان',
    notifications: 'الإشعارات',
    privacy: 'الخصوصية',
    connected: 'الحسابات المرتبطة',
    preferences: 'التفضيلات',
    billing: 'الفوترة',
  },
  menuButton: 'إعدادات الحساب: {{tab}}',
  loadError: 'تعذّر تحميل هذا الجزء من إعداداتكم. يُرجى التحقق من الاتصال والمحاولة مرة أخرى.',
} satisfies Messages;
