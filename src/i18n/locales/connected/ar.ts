import type { Messages } from '../../messages.js';

export default {
  title: 'الحسابات المرتبطة',
  intro: 'سجّل الدخول بأحد هذه الحسابات بدلًا من كتابة كلمة المرور.',
  listLabel: 'مزوّدو تسجيل الدخول',
  passwordSignIn: 'يظل تسجيل الدخول بالبريد الإلكتروني وكلمة المرور متاحًا دائمًا، أيًّا كانت الحسابات التي تربطها هنا.',
  empty: 'لا يتوفر أي مزوّد لتسجيل الدخول لحسابك.',
  notConnected: 'غير مرتبط',
  connectedOn: 'تم الربط في {{date}}',
  connect: 'ربط',
  connectProvider: 'ربط {{provider}}',
  connecting: 'جارٍ الربط…',
  disconnect: 'إلغاء الربط',
  disconnectProvider: 'إلغاء ربط {{provider}}',
  disconnecting: 'جارٍ إلغاء الربط…',
  connectingProvider: 'جارٍ الربط: {{provider}}',
  disconnectingProvider: 'جارٍ إلغاء الربط: {{provider}}',
  disconnectTitle: 'هل تريد إلغاء ربط {{provider}}؟',
  disconnectMessage:
    'لن تتمكن بعد ذلك من تسجيل الدخول باستخدام {{provider}}. سيظل بإمكانك تسجيل الدخول ببريدك الإلكتروني وكلمة المرور.',
  disconnectMessageNoPassword: 'لن تتمكن بعد ذلك من تسجيل الدخول باستخدام {{provider}}.',
  lastMethod:
    '{{provider}} هو الطريقة الوحيدة المتبقية لتسجيل الدخول إلى حسابك، لذا سيظل مرتبطًا. عيّن كلمة مرور أو أضف مفتاح مرور أو اربط حسابًا آخر أولًا.',
  alreadyDisconnected: 'تم إلغاء ربط {{provider}} من قبل.',
  connected: 'تم ربط {{provider}}. يمكنك الآن تسجيل الدخول باستخدامه.',
  disconnected: 'تم إلغاء ربط {{provider}}.',
  popupBlocked: 'حظر المتصفح نافذة {{provider}}. اسمح بالنوافذ المنبثقة لهذا الموقع ثم أعد المحاولة.',
  notCompleted: 'لم يتم ربط {{provider}}. أعد المحاولة إن كنت تريد ربطه.',
} satisfies Messages;
