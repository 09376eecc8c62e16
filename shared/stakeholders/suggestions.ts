/**
 * Words teams type, offered while typing. Free text stays allowed: a team may meet at a "theehuis" nobody listed.
 * Taken from the domain notes and the Stappenplan and Pharos sources.
 */
export const PLACE_TYPE_SUGGESTIONS = [
  'moskee', 'kerk', 'tempel', 'buurthuis', 'bibliotheek', 'huisarts', 'apotheek', 'school', 'vrouwengroep', 'markt',
  'wijkcentrum', 'zelforganisatie', 'ziekenhuis', 'supermarkt',
];

export const OFFER_TYPE_SUGGESTIONS = [
  'inloopspreekuur', 'lotgenotencontact', 'ontmoetingsgroep', 'huiskamerbijeenkomst', 'individuele ondersteuning',
  'informatie in eigen taal', 'telefonische coach', 'empowermentprogramma', 'respijtzorg', 'informatiebijeenkomst',
];

export const ORIGIN_SUGGESTIONS = [
  'Turkse', 'Marokkaanse', 'Surinaamse', 'Antilliaanse', 'Hindostaanse', 'Molukse', 'Kaapverdiaanse', 'Iraakse',
  'Afghaanse', 'Syrische', 'Eritrese', 'Somalische', 'Chinese', 'Poolse',
];

export const LANGUAGE_SUGGESTIONS = [
  'Nederlands', 'Turks', 'Arabisch', 'Tarifit', 'Tamazight', 'Sranantongo', 'Papiaments', 'Hindi', 'Sarnami', 'Dari',
  'Pasjtoe', 'Farsi', 'Koerdisch', 'Tigrinya', 'Somalisch', 'Kantonees', 'Mandarijn', 'Pools', 'Engels',
];

export const MEDIA_SUGGESTIONS = [
  'WhatsApp-groep', 'Facebook', 'Instagram', 'TikTok', 'YouTube', 'lokale krant', 'eigen tv-zender', 'radio', 'vrijdaggebed',
  'mond-tot-mondreclame',
];

export const KEY_FIGURE_DESIGNATION_SUGGESTIONS = [
  'sleutelfiguur', 'sleutelpersoon', 'intermediair', 'zorgambassadeur', 'netwerkcoach', 'AMWAHT-er',
];
