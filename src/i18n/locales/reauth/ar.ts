import type { Messages } from '../../messages.js';

export default {
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
  usePasskey: 'استخدام مفتاح مرور',
  usingPasskey: 'في انتظار مفتاح المرور…',
  descriptionPasskey: 'لحمايتك، أكّد هويتك بأحد مفاتيح المرور للمتابعة.',
  passkeyNotAccepted: 'لم يُقبل مفتاح المرور هذا. حاول مرة أخرى أو استخدم طريقة أخرى.',
} satisfies Messages;
