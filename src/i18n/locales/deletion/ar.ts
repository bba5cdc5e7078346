import type { Messages } from '../../messages.js';

// The email and workspace names are left-to-right or user text: each sits in a
// first-strong isolate (U+2068 … U+2069) so it keeps its order inside the sentence.
export default {
  title: 'حذف الحساب',
  intro: 'حذف حسابكم نهائي، ولا يمكن التراجع عنه، ولا يستطيع فريق الدعم لدينا استعادته.',
  impactTitle: 'سيُحذف نهائيًا ما يلي:',
  agents: 'وكلاء الذكاء الاصطناعي: {{number}}',
  phoneNumbers: 'أرقام الهاتف: {{number}}',
  recordings: 'تسجيلات المكالمات: {{number}}',
  transcripts: 'النصوص المكتوبة للمكالمات: {{number}}',
  wallet: 'سيسقط حقكم في رصيد المحفظة البالغ \u2068{{amount}}\u2069 ما لم تتواصلوا مع فريق الدعم قبل حذف حسابكم.',
  contactSupport: 'التواصل مع الدعم بشأن رصيدكم',
  exportFirst: 'قبل حذف حسابكم، نوصي بتصدير نسخة من بياناتكم.',
  exportLink: 'تصدير بياناتكم',
  blockedTitle: 'ما زلتم تملكون مساحات عمل يستخدمها آخرون',
  blockedIntro:
    'لا يمكن حذف حسابكم ما دمتم تملكون مساحة عمل تضم أعضاء آخرين. انقلوا ملكية كل مساحة عمل أدناه إلى عضو آخر أو احذفوها، ثم عودوا إلى هذه الصفحة.',
  blockedListLabel: 'مساحات العمل التي يجب التخلي عنها أولًا',
  members: 'الأعضاء: {{number}}',
  manageWorkspace: 'نقل ملكية \u2068{{name}}\u2069 أو حذفها',
  checkAgain: 'التحقق مجددًا',
  checking: 'جارٍ التحقق…',
  stillBlocked: 'ما زلتم تملكون مساحات عمل تضم أعضاء آخرين.',
  unblocked: 'لم تعد هناك مساحة عمل تمنع الحذف.',
  email: 'البريد الإلكتروني لحسابكم',
  emailHint: 'اكتبوا \u2068{{email}}\u2069 للتأكيد.',
  password: 'كلمة مروركم',
  submit: 'حذف الحساب',
  deleting: 'جارٍ حذف الحساب…',
  needBoth: 'لتفعيل الحذف، اكتبوا البريد الإلكتروني لحسابكم وكلمة المرور.',
  needEmail: 'لتفعيل الحذف، اكتبوا البريد الإلكتروني لحسابكم كما هو معروض تمامًا.',
  needPassword: 'لتفعيل الحذف، أدخلوا كلمة المرور.',
  blockedHint: 'يصبح الحذف ممكنًا عندما لا تضم أي مساحة عمل تملكونها أعضاء آخرين.',
  confirmTitle: 'هل تريدون حذف حسابكم نهائيًا؟',
  confirmMessage:
    'سيُحذف حسابكم ووكلاؤكم وأرقام هواتفكم وتسجيلات المكالمات ونصوصها المكتوبة، وسيُسجَّل خروجكم. لا يمكن التراجع عن هذا الإجراء.',
  confirmLabel: 'حذف الحساب',
  deletedTitle: 'تم حذف حسابكم',
  deleted: 'تم تسجيل خروجكم. شكرًا لاستخدامكم DialNexa.',
  errors: {
    emailRequired: 'اكتبوا البريد الإلكتروني لحسابكم.',
    emailMismatch: 'هذا لا يطابق البريد الإلكتروني لحسابكم.',
    passwordRequired: 'أدخلوا كلمة المرور.',
    passwordWrong: 'كلمة المرور غير صحيحة. حاولوا مرة أخرى.',
  },
} satisfies Messages;
