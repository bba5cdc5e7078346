import type { Messages } from '../../messages.js';

export default {
  label: 'Profilfoto',
  alt: 'Profilfoto von {{name}}',
  upload: 'Foto hochladen',
  replace: 'Foto ändern',
  remove: 'Foto entfernen',
  hint: 'JPG, PNG oder WebP, bis zu {{max}}. Wird rund angezeigt.',
  uploading: 'Foto wird hochgeladen… {{percent}}',
  uploaded: 'Foto aktualisiert.',
  removed: 'Foto entfernt.',
  tooLarge: 'Dieses Bild ist {{size}} groß. Wählen Sie eines mit höchstens {{max}}.',
  wrongType: 'Diese Datei ist kein JPG-, PNG- oder WebP-Bild. Wählen Sie ein Bild in einem dieser Formate.',
  wrongTypeNamed: 'Diese Datei ist wie ein JPG-, PNG- oder WebP-Bild benannt, ihr Inhalt ist aber keines. Wählen Sie ein anderes Bild.',
  empty: 'Diese Datei ist leer. Wählen Sie ein anderes Bild.',
  undecodable: 'Diese Datei lässt sich nicht als Bild lesen: Sie ist vielleicht beschädigt oder beginnt nur wie ein JPG, PNG oder WebP. Wählen Sie ein anderes Bild.',
  failed: 'Das Foto wurde nicht hochgeladen.',
} satisfies Messages;
