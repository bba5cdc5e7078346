import type { Messages } from '../../messages.js';

export default {
  label: 'Profile photo',
  alt: 'Profile photo of {{name}}',
  upload: 'Upload photo',
  replace: 'Change photo',
  remove: 'Remove photo',
  hint: 'JPG, PNG or WebP, up to {{max}}. Shown as a circle.',
  uploading: 'Uploading photo… {{percent}}',
  uploaded: 'Photo updated.',
  removed: 'Photo removed.',
  tooLarge: 'This image is {{size}}. Choose one up to {{max}}.',
  wrongType: "This file isn't a JPG, PNG or WebP image. Choose one of those.",
  wrongTypeNamed: "This file is named like a JPG, PNG or WebP image, but its content is not one. Choose another image.",
  empty: 'This file is empty. Choose another image.',
  undecodable: 'This file could not be read as an image: it may be damaged, or only starts like a JPG, PNG or WebP. Choose another image.',
  failed: 'The photo was not uploaded.',
} satisfies Messages;
