import type { Messages } from '../../messages.js';

// Browser and system names are left-to-right: each sits in a first-strong isolate
// (U+2068 … U+2069) so "Chrome 126" keeps its order inside the Arabic sentence.
export default {
  title: 'الأجهزة الموثوقة',
  intro: 'تتخطى هذه الأجهزة خطوة رمز التحقق عند تسجيل الدخول، لمدة 30 يومًا من تاريخ الوثوق بها.',
  empty:
    'عند تسجيل الدخول باستخدام المصادقة الثنائية، يمكنكم الوثوق بجهاز لمدة 30 يومًا ليتخطى خطوة الرمز. تظهر الأجهزة الموثوقة هنا.',
  listLabel: 'الأجهزة الموثوقة',
  deviceName: '\u2068{{browser}}\u2069 على \u2068{{os}}\u2069',
  thisDevice: 'هذا الجهاز',
  ip: 'عنوان IP:',
  unknownLocation: 'موقع غير معروف',
  lastUsed: 'آخر استخدام {{when}}',
  trustedUntil: 'موثوق حتى {{date}}',
  revoke: 'إلغاء الثقة',
  revokeDevice: 'إلغاء الثقة بـ \u2068{{browser}}\u2069 على \u2068{{os}}\u2069',
  revoking: 'جارٍ إلغاء الثقة…',
  revokingDevice: 'جارٍ إلغاء الثقة بـ \u2068{{browser}}\u2069 على \u2068{{os}}\u2069…',
  revokeTitle: 'هل تريدون إلغاء الثقة بـ \u2068{{browser}}\u2069 على \u2068{{os}}\u2069؟',
  revokeMessage: 'سيطلب \u2068{{browser}}\u2069 على \u2068{{os}}\u2069 رمز المصادقة الثنائية عند تسجيل الدخول التالي.',
  revoked: 'سيطلب \u2068{{browser}}\u2069 على \u2068{{os}}\u2069 رمزًا عند تسجيل الدخول التالي.',
  alreadyRevoked: 'كانت الثقة بـ \u2068{{browser}}\u2069 على \u2068{{os}}\u2069 ملغاة أو منتهية بالفعل، لذا لم يعد يظهر في القائمة.',
  revokeAll: 'إلغاء الثقة بالجميع',
  revokingAll: 'جارٍ إلغاء الثقة بالجميع…',
  revokeAllTitle: 'هل تريدون إلغاء الثقة بجميع الأجهزة الموثوقة؟',
  revokeAllMessage_zero: 'لا توجد أجهزة موثوقة لإلغائها.',
  revokeAllMessage_one: 'سيطلب الجهاز الموثوق رمز المصادقة الثنائية عند تسجيل الدخول التالي.',
  revokeAllMessage_two: 'سيطلب كلا الجهازين الموثوقين رمز المصادقة الثنائية عند تسجيل الدخول التالي.',
  revokeAllMessage_few: 'سيطلب كل جهاز موثوق رمز المصادقة الثنائية عند تسجيل الدخول التالي. عدد الأجهزة المعنية: {{number}}.',
  revokeAllMessage_many: 'سيطلب كل جهاز موثوق رمز المصادقة الثنائية عند تسجيل الدخول التالي. عدد الأجهزة المعنية: {{number}}.',
  revokeAllMessage_other: 'سيطلب كل جهاز موثوق رمز المصادقة الثنائية عند تسجيل الدخول التالي. عدد الأجهزة المعنية: {{number}}.',
  allRevoked: 'أُلغيت الثقة بجميع الأجهزة الموثوقة. سيطلب كل منها رمزًا عند تسجيل الدخول التالي.',
} satisfies Messages;
