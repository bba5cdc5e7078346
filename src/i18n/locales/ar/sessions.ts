import type { Messages } from '../../i18n.js';

// Browser and system names are left-to-right: each sits in a first-strong isolate
// (U+2068 … U+2069) so "Chrome 126" keeps its order inside the Arabic sentence.
export default {
  title: 'الجلسات النشطة',
  intro: 'الأجهزة والمتصفحات المسجّلة الدخول إلى حسابكم. يُرجى تسجيل الخروج من أي جلسة لم تعودوا تستخدمونها أو لا تتعرفون عليها.',
  empty: 'لم يُعثر على أي جلسات نشطة. يظهر هنا كل جهاز ومتصفح تسجّلون الدخول منه.',
  onlyThisDevice: 'أنتم مسجّلو الدخول على هذا الجهاز فقط.',
  listLabel: 'الجلسات النشطة',
  sessionName: '\u2068{{browser}}\u2069 على \u2068{{os}}\u2069',
  thisDevice: 'هذا الجهاز',
  ip: 'عنوان IP:',
  unknownLocation: 'موقع غير معروف',
  activeNow: 'نشطة الآن',
  lastActive: 'آخر نشاط {{when}}',
  signedIn: 'تاريخ تسجيل الدخول: {{date}}',
  signOut: 'تسجيل الخروج',
  signOutSession: 'تسجيل الخروج من \u2068{{browser}}\u2069 على \u2068{{os}}\u2069',
  signOutThisDevice: 'تسجيل الخروج من هذا الجهاز',
  signingOut: 'جارٍ تسجيل الخروج…',
  revokeTitle: 'هل تريدون تسجيل الخروج من \u2068{{browser}}\u2069 على \u2068{{os}}\u2069؟',
  revokeMessage: 'سيتعين على \u2068{{browser}}\u2069 على \u2068{{os}}\u2069 تسجيل الدخول مرة أخرى للوصول إلى حسابكم.',
  revoked: 'تم تسجيل الخروج من \u2068{{browser}}\u2069 على \u2068{{os}}\u2069.',
  alreadyRevoked: 'سبق تسجيل الخروج من \u2068{{browser}}\u2069 على \u2068{{os}}\u2069، لذا لم يعد يظهر في القائمة.',
  revokeOthers: 'تسجيل الخروج من جميع الجلسات الأخرى',
  revokingOthers: 'جارٍ تسجيل الخروج من الجلسات الأخرى…',
  revokeOthersTitle: 'هل تريدون تسجيل الخروج من جميع الجلسات الأخرى؟',
  revokeOthersMessage:
    'عدد الجلسات التي سيُسجَّل الخروج منها: {{number}}. سيتعين على كل منها تسجيل الدخول مرة أخرى للوصول إلى حسابكم، ويبقى هذا الجهاز مسجّل الدخول.',
  othersRevoked: 'عدد الجلسات الأخرى التي سُجِّل الخروج منها: {{number}}. لم يبقَ مسجّل الدخول سوى هذا الجهاز.',
  hint: 'هل توجد جلسة لا تتعرفون عليها؟ يُرجى تسجيل الخروج منها ثم تغيير كلمة المرور.',
  revokedHint: 'إن لم تتعرفوا عليها، فيُرجى تغيير كلمة المرور أيضًا.',
  changePassword: 'تغيير كلمة المرور',
} satisfies Messages;
