import type { Messages } from '../../messages.js';

export default {
  show: 'إظهار',
  hide: 'إخفاء',
  showPassword: 'إظهار كلمة المرور',
  hidePassword: 'إخفاء كلمة المرور',
  policy: {
    title: 'يجب أن تتضمن كلمة المرور الجديدة:',
    minLength: '{{min}} أحرف على الأقل',
    number: 'رقمًا واحدًا',
    special: 'رمزًا خاصًا، مثل ! أو #',
    uppercase: 'حرفًا كبيرًا',
    lowercase: 'حرفًا صغيرًا',
    met: 'مستوفى:',
    unmet: 'غير مستوفى بعد:',
    allMet: 'تستوفي كلمة المرور الجديدة جميع المتطلبات.',
  },
  errors: {
    currentRequired: 'يرجى إدخال كلمة المرور الحالية.',
    currentWrong: 'كلمة المرور غير صحيحة. يرجى إدخال كلمة المرور الحالية مرة أخرى.',
    newRequired: 'يرجى إدخال كلمة مرور جديدة.',
    tooLong: 'يرجى استخدام {{max}} حرفًا كحد أقصى.',
    policy: 'لا تستوفي كلمة المرور الجديدة جميع المتطلبات بعد.',
    confirmRequired: 'يرجى إدخال كلمة المرور الجديدة مرة أخرى.',
    mismatch: 'كلمتا المرور غير متطابقتين. يرجى إدخال كلمة المرور الجديدة مرة أخرى.',
  },
} satisfies Messages;
