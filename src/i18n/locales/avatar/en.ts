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
  wrongType: "Choose a JPG, PNG or WebP image. This file isn't one, even if its name suggests so.",
  empty: 'This file is empty. Choose another image.',
  undecodable: 'This file could not be read as an image: it may be damaged, or only starts like a JPG, PNG or WebP. Choose another image.',
  failed: 'The photo was not uploaded.',
} satisfies Messages;
