import type { LocalizedText } from '../../../shared/model/fields';

/** The server's refusals in the words a participant reads (its own messages are English, for scripts). */
const MESSAGES: Record<string, LocalizedText> = {
  VOTE_CLOSED: { nl: 'Deze stemming is gesloten.', en: 'This vote is closed.' },
  VOTE_NOT_FOUND: { nl: 'Deze stemming bestaat niet meer.', en: 'This vote no longer exists.' },
  VOTE_FULL: { nl: 'Bij deze stemming kunnen niet meer mensen stemmen.', en: 'This vote takes no more voters.' },
  BALLOT_TOO_MANY_DOTS: { nl: 'Je stippen zijn op. Haal er eerst een weg.', en: 'You have no dots left. Take one away first.' },
  BALLOT_ONE_DOT_PER_CARD: { nl: 'Bij deze stemming mag je één stip per kaart zetten.', en: 'This vote allows one dot per card.' },
  BALLOT_CARD_NOT_IN_VOTE: { nl: 'Op deze kaart wordt niet gestemd.', en: 'This card is not part of the vote.' },
  BALLOT_RATE_LIMITED: { nl: 'Even rustig aan: wacht een paar seconden en probeer het opnieuw.', en: 'Slow down: wait a few seconds and try again.' },
  VOTE_TOO_FEW_CARDS: { nl: 'Een stemming heeft minstens twee kaarten nodig.', en: 'A vote needs at least two cards.' },
  VOTE_CARD_UNKNOWN: { nl: 'Een van de kaarten staat niet (meer) op de kaart.', en: 'One of the cards is no longer on the map.' },
  SUGGESTIONS_CLOSED: { nl: 'De begeleider neemt nu even geen voorstellen aan.', en: 'The facilitator is not taking suggestions right now.' },
  SUGGESTION_RATE_LIMITED: { nl: 'Je hebt net veel voorstellen gedaan. Wacht even tot de begeleider ze heeft bekeken.', en: 'You just sent many suggestions. Wait until the facilitator has looked at them.' },
  SUGGESTIONS_FULL: { nl: 'Er liggen veel voorstellen te wachten. Probeer het straks opnieuw.', en: 'Many suggestions are waiting. Try again later.' },
  SUGGESTION_CONTACT_DETAILS: {
    nl: 'Laat telefoonnummers en e-mailadressen weg: het team vraagt contactgegevens zelf, met toestemming.',
    en: 'Leave out phone numbers and e-mail addresses: the team asks for contact details itself, with consent.',
  },
  SUGGESTION_TOO_LARGE: { nl: 'Je voorstel is te lang. Maak de toelichting korter.', en: 'Your suggestion is too long. Shorten the note.' },
  SUGGESTION_KIND_UNKNOWN: { nl: 'Zo’n voorstel neemt deze kaart niet aan.', en: 'This map takes no suggestion of that kind.' },
  SUGGESTION_RELATES_UNKNOWN: { nl: 'De kaart waar het bij hoort staat niet meer op de kaart.', en: 'The card it relates to is no longer on the map.' },
  SUGGESTION_DECIDED: { nl: 'Iemand anders heeft dit voorstel al behandeld.', en: 'Someone else already handled this suggestion.' },
  SUGGESTION_NOT_FOUND: { nl: 'Dit voorstel bestaat niet meer.', en: 'This suggestion no longer exists.' },
  TIMER_NOT_RUNNING: { nl: 'Er loopt geen timer.', en: 'No timer is running.' },
  TIMER_NOT_PAUSED: { nl: 'De timer staat niet op pauze.', en: 'The timer is not paused.' },
  EDIT_ONLY: { nl: 'Dat kan alleen met een bewerkingslink.', en: 'Only an edit link can do that.' },
  network: { nl: 'Geen verbinding met de server. Probeer het zo opnieuw.', en: 'No connection to the server. Try again in a moment.' },
};

export function participationMessage(code: string, fallback: string): LocalizedText {
  return MESSAGES[code] ?? { nl: fallback, en: fallback };
}
