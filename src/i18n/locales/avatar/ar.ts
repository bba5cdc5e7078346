import type { Messages } from '../../messages.js';

export default {
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
  wrongType: 'هذا الملف ليس صورة بصيغة JPG أو PNG أو WebP. يُرجى اختيار صورة بإحدى هذه الصيغ.',
  wrongTypeNamed: 'اسم هذا الملف يوحي بأنه صورة JPG أو PNG أو WebP، لكن محتواه ليس كذلك. يُرجى اختيار صورة أخرى.',
  empty: 'هذا الملف فارغ. يُرجى اختيار صورة أخرى.',
  undecodable: 'تعذّرت قراءة هذا الملف كصورة: ربما يكون تالفًا، أو يبدأ فقط كملف JPG أو PNG أو WebP. يُرجى اختيار صورة أخرى.',
  failed: 'لم يتم رفع الصورة.',
} satisfies Messages;
