import type { Messages } from '../../messages.js';

export default {
  label: 'Foto de perfil',
  alt: 'Foto de perfil de {{name}}',
  upload: 'Subir foto',
  replace: 'Cambiar foto',
  remove: 'Quitar foto',
  hint: 'JPG, PNG o WebP, hasta {{max}}. Se muestra en forma de círculo.',
  uploading: 'Subiendo foto… {{percent}}',
  uploaded: 'Foto actualizada.',
  removed: 'Foto eliminada.',
  tooLarge: 'Esta imagen ocupa {{size}}. Elige una de {{max}} como máximo.',
  wrongType: 'Este archivo no es una imagen JPG, PNG o WebP. Elige una imagen en uno de esos formatos.',
  wrongTypeNamed: 'Este archivo tiene nombre de imagen JPG, PNG o WebP, pero su contenido no lo es. Elige otra imagen.',
  empty: 'Este archivo está vacío. Elige otra imagen.',
  undecodable: 'Este archivo no se puede leer como imagen: puede estar dañado o solo empieza como un JPG, PNG o WebP. Elige otra imagen.',
  failed: 'No se pudo subir la foto.',
} satisfies Messages;
