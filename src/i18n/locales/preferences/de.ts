import type { Messages } from '../../messages.js';

export default {
  title: 'Anzeigeeinstellungen',
  intro:
    'Legen Sie fest, wie Ihr Konto aussieht und wie Datum und Uhrzeit angezeigt werden. Jede Änderung gilt sofort und wird in Ihrem Konto gespeichert.',
  theme: 'Farbschema',
  themeLight: 'Hell',
  themeDark: 'Dunkel',
  themeSystem: 'System',
  themeSystemHint: '„System“ folgt dem hellen oder dunklen Modus Ihres Geräts.',
  density: 'Kompakte Ansicht',
  densityHint: 'Weniger Abstände, damit mehr auf den Bildschirm passt.',
  dateFormat: 'Datumsformat',
  dateAuto: 'Automatisch, passend zur Sprache ({{example}})',
  dateDayMonthYear: '{{example}} (Tag/Monat/Jahr)',
  dateMonthDayYear: '{{example}} (Monat/Tag/Jahr)',
  dateYearMonthDay: '{{example}} (Jahr-Monat-Tag)',
  dateDayMonthNameYear: '{{example}} (Tag, Monatsname, Jahr)',
  timeFormat: 'Zeitformat',
  timeAuto: 'Automatisch, passend zur Sprache ({{example}})',
  time12h: '12-Stunden-Format ({{example}})',
  time24h: '24-Stunden-Format ({{example}})',
  preview: 'Vorschau',
  previewHint: 'So erscheinen Datum und Uhrzeit in Ihrem Konto, in Ihrer Zeitzone ({{zone}}).',
  saving: 'Wird gespeichert…',
  saved: 'Einstellungen gespeichert.',
  notSaved: 'Ihre Änderung wurde nicht gespeichert, die Einstellung ist wieder wie vorher.',
} satisfies Messages;
