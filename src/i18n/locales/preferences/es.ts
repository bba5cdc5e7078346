import type { Messages } from '../../messages.js';

export default {
  title: 'Preferencias de visualización',
  intro:
    'Elige cómo se ve tu cuenta y cómo se muestran las fechas y horas. Cada cambio se aplica al instante y se guarda en tu cuenta.',
  theme: 'Tema',
  themeLight: 'Claro',
  themeDark: 'Oscuro',
  themeSystem: 'Sistema',
  themeSystemHint: '«Sistema» sigue el modo claro u oscuro de tu dispositivo.',
  density: 'Modo compacto',
  densityHint: 'Menos espacio entre elementos, para que quepa más en pantalla.',
  dateFormat: 'Formato de fecha',
  dateAuto: 'Automático, según tu idioma ({{example}})',
  dateDayMonthYear: '{{example}} (día/mes/año)',
  dateMonthDayYear: '{{example}} (mes/día/año)',
  dateYearMonthDay: '{{example}} (año-mes-día)',
  dateDayMonthNameYear: '{{example}} (día, nombre del mes, año)',
  timeFormat: 'Formato de hora',
  timeAuto: 'Automático, según tu idioma ({{example}})',
  time12h: 'De 12 horas ({{example}})',
  time24h: 'De 24 horas ({{example}})',
  preview: 'Vista previa',
  previewHint: 'Así se ven las fechas y horas en tu cuenta, en tu zona horaria ({{zone}}).',
  saving: 'Guardando…',
  saved: 'Preferencias guardadas.',
  notSaved: 'Tu cambio no se guardó, así que el ajuste vuelve a estar como antes.',
} satisfies Messages;
