import type { Messages } from '../messages.js';
import password from './ar/password.js';
import twoFactor from './ar/two-factor.js';
import devices from './ar/devices.js';
import sessions from './ar/sessions.js';
import activity from './ar/activity.js';
import notifications from './ar/notifications.js';
import privacy from './ar/privacy.js';
import deletion from './ar/deletion.js';
import connected from './ar/connected.js';
import preferences from './ar/preferences.js';
import billing from './ar/billing.js';
import settings from './ar/settings.js';
import challenge from './ar/challenge.js';


/**
 * Arabic (Modern Standard Arabic, formal). Numbers written into the sentences use
 * Arabic-Indic digits, as Intl formats numbers for `ar`; the phone example is kept
 * in Latin digits (it shows what to type) and wrapped in an LTR isolate
 * (U+2066 … U+2069) so it is not reordered inside right-to-left text.
 */
export default {
  password,
  twoFactor,
  devices,
  sessions,
  activity,
  notifications,
  privacy,
  deletion,
  connected,
  preferences,
  billing,
  settings,
  challenge,
  common: {
    deviceDesktop: 'حاسوب',
    deviceMobile: 'هاتف',
    deviceTablet: 'جهاز لوحي',
    deviceUnknown: 'جهاز غير معروف',
    loading: 'جارٍ التحميل…',
    retry: 'إعادة المحاولة',
    cancel: 'إلغاء',
    close: 'إغلاق',
    save: 'حفظ',
    saving: 'جارٍ الحفظ…',
    discard: 'تجاهل التغييرات',
    optional: 'اختياري',
    required: 'مطلوب',
    characterCount: 'الأحرف: {{length}} من {{max}}',
  },
  errors: {
    network: 'يبدو أنك غير متصل بالإنترنت. يُرجى التحقق من الاتصال والمحاولة مرة أخرى.',
    timeout: 'استغرق الخادم وقتًا طويلًا للرد. يُرجى المحاولة مرة أخرى.',
    aborted: 'تم إلغاء الطلب.',
    unauthorized: 'انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى للمتابعة.',
    reauthRequired: 'يُرجى تأكيد هويتك للمتابعة.',
    forbidden: 'ليس لديك إذن للقيام بهذا الإجراء.',
    notFound: 'هذا العنصر لم يعد موجودًا. يُرجى تحديث الصفحة لعرض أحدث البيانات.',
    conflict: 'تم تغيير هذا العنصر من مكان آخر في هذه الأثناء. يُرجى تحديث الصفحة والمحاولة مرة أخرى.',
    gone: 'انتهت صلاحية هذا الرابط أو سبق استخدامه.',
    validation: 'بعض الحقول تحتاج إلى مراجعة.',
    unsupportedFile: 'لا يمكن استخدام هذا الملف.',
    rateLimited: 'محاولات كثيرة جدًا. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
    rateLimitedFor: 'محاولات كثيرة جدًا. يمكنك المحاولة مرة أخرى {{when}}.',
    server: 'حدث خطأ من جانبنا. يُرجى المحاولة مرة أخرى بعد قليل.',
    invalidResponse: 'أرسل الخادم ردًا تعذّرت قراءته. يُرجى المحاولة مرة أخرى لاحقًا.',
    notSaved: 'لم يتم حفظ تغييراتك.',
  },
  reauth: {
    title: 'تأكيد هويتك',
    descriptionPassword: 'حفاظًا على أمان حسابك، يُرجى إدخال كلمة المرور للمتابعة.',
    descriptionCode: 'حفاظًا على أمان حسابك، يُرجى إدخال الرمز المكوّن من 6 أرقام من تطبيق المصادقة.',
    password: 'كلمة المرور',
    code: 'رمز المصادقة',
    useCode: 'استخدام رمز المصادقة بدلًا من ذلك',
    usePassword: 'استخدام كلمة المرور بدلًا من ذلك',
    confirm: 'تأكيد',
    passwordRequired: 'يُرجى إدخال كلمة المرور.',
    codeFormat: 'يُرجى إدخال الأرقام الستة من تطبيق المصادقة.',
    wrongPassword: 'كلمة المرور غير صحيحة. يُرجى المحاولة مرة أخرى.',
    wrongCode: 'الرمز غير صحيح أو انتهت صلاحيته. يُرجى إدخال الرمز الحالي.',
  },
  profile: {
    title: 'الملف الشخصي',
    description: 'كيف يراك فريقك في لوحة التحكم وسجلات التدقيق وقوائم الأعضاء.',
    displayName: 'الاسم المعروض',
    displayNameHint: 'من 2 إلى 50 حرفًا.',
    email: 'البريد الإلكتروني',
    emailHint: 'يُستخدم لتسجيل الدخول ولتنبيهات الفوترة والمنصة.',
    changeEmail: 'تغيير البريد الإلكتروني',
    keepEmail: 'الإبقاء على البريد الإلكتروني الحالي',
    phone: 'الهاتف',
    phoneHint: 'يُرجى تضمين رمز الدولة، مثل \u2066+49 30 1234567\u2069.',
    timezone: 'المنطقة الزمنية',
    timezoneHint: 'تُعرض أوقات المكالمات وتواريخها وفق هذه المنطقة الزمنية.',
    useCurrentTimezone: 'استخدام منطقتي الزمنية الحالية ({{zone}})',
    language: 'اللغة',
    company: 'الشركة',
    bio: 'نبذة تعريفية',
    bioHint: 'وصف موجز يراه فريقك.',
    save: 'حفظ التغييرات',
    saved: 'تم حفظ الملف الشخصي.',
    noChanges: 'لا توجد تغييرات لحفظها بعد.',
    discarded: 'تم تجاهل التغييرات.',
    errors: {
      displayNameShort: 'يُرجى إدخال حرفين على الأقل (لا تُحتسب المسافات في البداية والنهاية).',
      displayNameLong: 'يجب ألا يتجاوز الاسم 50 حرفًا. العدد الحالي: {{count}}.',
      phone: 'أدخل رقم هاتف صالحًا، مثل \u2066+49 30 1234567\u2069.',
      timezone: 'يُرجى اختيار منطقة زمنية من القائمة.',
      companyLong: 'الحد الأقصى لعدد الأحرف هو {{max}}.',
      bioLong: 'الحد الأقصى لعدد الأحرف هو {{max}}. العدد الحالي: {{count}}.',
    },
  },
  avatar: {
    label: 'صورة الملف الشخصي',
    alt: 'صورة الملف الشخصي لـ {{name}}',
    upload: 'رفع صورة',
    replace: 'تغيير الصورة',
    remove: 'إزالة الصورة',
    hint: 'بصيغة JPG أو PNG أو WebP وبحجم لا يتجاوز {{max}}. تُعرض الصورة بشكل دائري.',
    uploading: 'جارٍ رفع الصورة… {{percent}}',
    uploaded: 'تم تحديث الصورة.',
    removed: 'تمت إزالة الصورة.',
    tooLarge: 'حجم هذه الصورة {{size}}. يُرجى اختيار صورة لا يتجاوز حجمها {{max}}.',
    wrongType: 'يُرجى اختيار صورة بصيغة JPG أو PNG أو WebP. هذا الملف ليس بإحدى هذه الصيغ، أيًّا كان اسمه.',
    empty: 'هذا الملف فارغ. يُرجى اختيار صورة أخرى.',
    failed: 'لم يتم رفع الصورة.',
  },
  emailChange: {
    title: 'تغيير البريد الإلكتروني',
    intro: 'سنرسل رابط تحقق إلى العنوان الجديد. سيتغيّر البريد الإلكتروني لتسجيل الدخول بمجرد فتحك للرابط.',
    currentEmail: 'البريد الإلكتروني الحالي: {{email}}',
    newEmail: 'عنوان البريد الإلكتروني الجديد',
    currentPassword: 'كلمة المرور الحالية',
    currentPasswordHint: 'مطلوبة لتغيير البريد الإلكتروني لتسجيل الدخول.',
    submit: 'إرسال رابط التحقق',
    sending: 'جارٍ الإرسال…',
    pendingTitle: 'تحقق من بريدك الوارد',
    pending: 'أرسلنا رابط تحقق إلى {{email}}.',
    pendingValidUntil: 'يظل الرابط صالحًا لمدة {{hours}} ساعة (حتى {{until}}). وإلى أن تفتحه، واصل تسجيل الدخول باستخدام بريدك الإلكتروني الحالي.',
    expired: 'انتهت صلاحية الرابط المرسل إلى {{email}}. يمكنك إرسال رابط جديد أو إلغاء التغيير.',
    resend: 'إعادة إرسال الرابط',
    resent: 'أرسلنا رابطًا جديدًا إلى {{email}}.',
    cancelChange: 'إلغاء التغيير',
    cancelled: 'تم إلغاء تغيير البريد الإلكتروني. سيبقى بريدك الإلكتروني لتسجيل الدخول كما هو.',
    requested: 'تم إرسال رابط التحقق إلى {{email}}.',
    changed: 'أصبح بريدك الإلكتروني لتسجيل الدخول الآن {{email}}.',
    errors: {
      emailRequired: 'يُرجى إدخال عنوان البريد الإلكتروني الجديد.',
      emailInvalid: 'يُرجى إدخال عنوان بريد إلكتروني صالح، مثل name@example.com.',
      emailSame: 'هذا هو بريدك الإلكتروني لتسجيل الدخول بالفعل.',
      emailTaken: 'هذا العنوان مرتبط بحساب آخر بالفعل.',
      passwordRequired: 'يُرجى إدخال كلمة المرور الحالية.',
      passwordWrong: 'كلمة المرور غير صحيحة.',
    },
  },
} satisfies Messages;
