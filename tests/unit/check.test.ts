/**
 * The checker, one row per sentence shape seen in real coverage of the 'Rust' case (written
 * here in our own words), against the bundled case. Each row names what the shape is; the
 * verdict is read at the quoted words.
 */
import { describe, expect, it } from 'vitest';
import type { CaseIndex } from '../../lib/link/case-index';
import { checkText, over, smallCase, verdictAt } from '../helpers/claims';

type Row = [shape: string, text: string, published: string, quote: string, verdict: 'conflict' | 'consistent' | 'unknown' | 'none'];

/** The test of one row: the verdict read at the quote, against the bundled case or another. */
const readsAs = (index?: CaseIndex) => (_shape: string, text: string, published: string, quote: string, verdict: Row[4]) => {
  expect(verdictAt(text, published, quote, index)).toBe(verdict);
};

const PREAMBLE = 'Alec Baldwin and Halyna Hutchins are named here so the story is about the case. ';

describe('date claims: the date belongs to the predicate it modifies', () => {
  it.each<Row>([
    ['a wrong date on the event verb', 'Halyna Hutchins was shot and killed on the set on June 3, 2022, by a prop gun Alec Baldwin held.', '2022-08-01', 'June 3, 2022', 'conflict'],
    ['a right date on the event verb', 'Halyna Hutchins was fatally shot on Oct. 21, 2021, while Alec Baldwin rehearsed.', '2022-08-01', 'Oct. 21, 2021', 'consistent'],
    ['a wrong year before the event noun', `${PREAMBLE}Investigators keep looking at the 2019 shooting on the Rust set.`, '2022-08-01', '2019', 'conflict'],
    ['a wrong year at the end of a locative phrase', 'Alec Baldwin faces charges after a fatal shooting on the Rust movie set in 2020.', '2024-07-10', '2020', 'conflict'],
    ['the date of a filing against someone, not of the shooting', 'Alec Baldwin sued the armorer on Friday over the deadly shooting of Halyna Hutchins on the set.', '2022-11-12', 'Friday', 'consistent'],
    ['a statement dated, not the event it speaks of', 'Hannah Gutierrez-Reed has no idea where the live rounds came from, her attorneys said Tuesday, days after the fatal shooting of Halyna Hutchins.', '2021-10-30', 'Tuesday', 'unknown'],
    ['another action in a clause of its own', 'Crew members said that on Oct. 14, Alec Baldwin\'s stunt double fired a gun by accident.', '2021-10-27', 'Oct. 14', 'unknown'],
    ['an interview shown in court, not the death', 'In videos of interviews played in court on Feb. 27, Hannah Gutierrez-Reed said she loaded the revolver that killed Halyna Hutchins.', '2024-02-29', 'Feb. 27', 'unknown'],
    ['a scheduled trial, not the one that happened', 'Alec Baldwin\'s own trial is set for July 2024, while Hannah Gutierrez-Reed awaits sentencing.', '2024-03-08', 'July 2024', 'unknown'],
    ['a trial someone is due to face', 'Alec Baldwin is due to stand trial for involuntary manslaughter in July, the court said.', '2024-04-16', 'July', 'unknown'],
    ['"due to" a cause is no schedule', 'A judge threw out the charge against Alec Baldwin on July 12 due to withheld evidence.', '2024-07-20', 'July 12', 'consistent'],
    ['a plan told in the future tense', 'The producers said filming will resume in February after the settlement with Matthew Hutchins.', '2022-11-12', 'February', 'unknown'],
    ['a negated event', 'Alec Baldwin was charged with involuntary manslaughter in January 2023 and pleaded not guilty a month later.', '2025-01-10', 'January 2023', 'consistent'],
    ['a hypothetical: a motion to dismiss', 'Alec Baldwin\'s lawyers asked the judge on May 3 to dismiss the indictment against him.', '2024-05-20', 'May 3', 'unknown'],
    ['an inflection the case does not list ("withdrew")', 'Special prosecutor Kari Morrissey withdrew on Monday the appeal against the dismissal of Alec Baldwin\'s case.', '2024-12-24', 'Monday', 'consistent'],
    ['a date that only describes another noun ("a July decision")', 'Kari Morrissey dropped her appeal of a July decision to dismiss the charge against Alec Baldwin.', '2024-12-24', 'July', 'unknown'],
    ['a civil dismissal one day off (signed Tuesday, made public Wednesday)', 'A New Mexico judge on Wednesday dismissed Alec Baldwin\'s civil lawsuit against the prosecutors.', '2025-07-31', 'Wednesday', 'conflict'],
    ['the object rules out the civil suit dismissed that month', 'In July 2025, a New Mexico judge was forced to dismiss the involuntary manslaughter charge against Alec Baldwin.', '2025-10-22', 'July 2025', 'conflict'],
    ['"last July" in an October article is this year\'s July', 'Last July, a New Mexico judge was forced to dismiss the involuntary manslaughter charge against Alec Baldwin.', '2025-10-22', 'Last July', 'conflict'],
    ['a charge announced, dated a year off', 'On Thursday, January 19, 2022, District Attorney Mary Carmack-Altwies said that Alec Baldwin will be charged with involuntary manslaughter.', '2023-01-19', 'January 19, 2022', 'conflict'],
    ['a dismissal the case has no year for', `${PREAMBLE}Prosecutors dismissed involuntary manslaughter charges against Baldwin earlier this year.`, '2025-01-15', 'earlier this year', 'conflict'],
    ['a release date that is not the film\'s', 'RUST by Alec Baldwin, in theatres on May 16, 2025.', '2025-05-02', 'May 16, 2025', 'conflict'],
    ['a date after a verb of its own, before the event noun it is about', 'Alec Baldwin was the subject of much talk on Monday about the fatal shooting of Halyna Hutchins two years before.', '2023-10-24', 'Monday', 'unknown'],
    ['a date appended to a caption dates the picture, not the event in it', 'Mary Carmack-Altwies talks to reporters after Alec Baldwin shot Halyna Hutchins on the set near Santa Fe, November 2, 2021.', '2023-03-29', 'November 2, 2021', 'unknown'],
    ['a suit brought by someone the case does not know', 'Alec Baldwin was sued by a lighting technician, Jane Porter, for negligence last year.', '2022-11-13', 'last year', 'unknown'],
    ['a gerund keeps its own date, past a reduced "while at" clause', 'Prosecutors accused Alec Baldwin of shooting Halyna Hutchins and injuring Joel Souza while at the ranch in August 2020.', '2023-02-01', 'August 2020', 'conflict'],
    ['an event noun owned by a name is a noun, which a date before it does not open', 'After the hearing for Alec Baldwin in Santa Fe on June 2, Halyna Hutchins’s death came up again in court.', '2024-07-25', 'June 2', 'unknown'],
    ['a date after an event word too far to reach it does not go to an event noun beyond it', 'Despite the dismissal of all charges against Alec Baldwin in the New Mexico court case on June 2, the fatal shooting remains a scar for the crew.', '2024-07-25', 'June 2', 'unknown'],
    ['a noun in a later phrase is not the object of the verb before it', 'Alec Baldwin was charged last month over his part in the death of cinematographer Halyna Hutchins in 2021.', '2023-02-01', '2021', 'consistent'],
    ['an event noun in a phrase after an event verb: the date may go with either', 'The state filed a notice of appeal against the dismissal of Alec Baldwin\'s case in November.', '2024-12-01', 'November', 'unknown'],
    ['…but a date that fits no event of the verb\'s kind still dates the noun', 'Alec Baldwin was charged last month over his part in the death of cinematographer Halyna Hutchins in 2022.', '2023-02-15', '2022', 'conflict'],
    ['a notice filed names no event of its own', 'Prosecutors filed the notice to dismiss the criminal case against Alec Baldwin on Monday in state court.', '2023-05-04', 'Monday', 'unknown'],
    ['a ruling to dismiss says the dismissal happened (the date opening the clause)', 'On July 30, 2025, Judge Casey B. Fitch ruled to dismiss Alec Baldwin\'s civil lawsuit against the prosecutors.', '2025-07-31', 'July 30, 2025', 'conflict'],
    ['a ruling to dismiss says the dismissal happened (the date after it)', 'Judge Casey Fitch ruled to dismiss Alec Baldwin\'s civil lawsuit against the prosecutors on July 30, 2025.', '2025-07-31', 'July 30, 2025', 'conflict'],
    ['a motion to dismiss does not', 'Alec Baldwin\'s lawyers moved to dismiss his civil lawsuit against the prosecutors on July 30, 2025.', '2025-07-31', 'July 30, 2025', 'unknown'],
    ['a refusal to reopen a case is a motion denied, a day off', 'A judge refused on Friday to reopen the case against Alec Baldwin, standing by her dismissal.', '2024-10-26', 'Friday', 'conflict'],
    ['…on the day it was signed', 'A judge refused on Thursday to reopen the case against Alec Baldwin, standing by her dismissal.', '2024-10-26', 'Thursday', 'consistent'],
    ['a request rejected is a motion denied', 'Judge Mary Marlowe Sommer rejected a request on Friday to reconsider the dismissal of Alec Baldwin\'s case.', '2024-10-26', 'Friday', 'conflict'],
    ['an event of that kind fits when the article names its people', 'Hannah Gutierrez-Reed lost a motion too. A judge refused on Friday to reopen the case against Alec Baldwin.', '2024-10-26', 'Friday', 'consistent'],
    ['…also when the sentence before names who it is about', 'Judge Mary Marlowe Sommer presided over the trial of Alec Baldwin. A judge refused on Friday to reopen the case.', '2024-10-26', 'Friday', 'conflict'],
    ['an official of one event the article never names does not rule that event out', 'Judge Mary Marlowe Sommer presided over the trial of Alec Baldwin. The charges had been dropped in April 2023 and refiled later.', '2024-08-01', 'April 2023', 'consistent'],
    ['a role noun names the one person of the case who held the role', 'Hannah Gutierrez-Reed asked for a new trial. The 27-year-old armorer was found guilty of involuntary manslaughter in March 2023, months before Alec Baldwin\'s own trial.', '2024-08-22', 'March 2023', 'conflict'],
    ['…and keeps that person\'s event in play', 'Alec Baldwin filed a lawsuit on Friday against the armorer and three other crew members. Matthew Hutchins had settled with him the month before.', '2022-11-12', 'Friday', 'consistent'],
    ['an event noun reaches its date across places, a name counting as one word', 'A file photo shows Alec Baldwin after the death of cinematographer Halyna Hutchins at the Bonanza Creek Ranch in Santa Fe, New Mexico, on Oct. 21, 2022.', '2023-02-20', 'Oct. 21, 2022', 'conflict'],
    ['…the right date', 'A file photo shows Alec Baldwin after the death of cinematographer Halyna Hutchins at the Bonanza Creek Ranch in Santa Fe, New Mexico, on Oct. 21, 2021.', '2023-02-20', 'Oct. 21, 2021', 'consistent'],
    ['a date that bounds a period dates no event ("beginning", "since")', 'Hannah Gutierrez-Reed, found guilty, was sentenced to 18 months behind bars beginning last March.', '2025-05-27', 'last March', 'unknown'],
    ['a day during a many-day event is not its date', 'A photo shows Hannah Gutierrez-Reed with her lawyers during her trial in Santa Fe on March 1, 2024.', '2024-04-15', 'March 1, 2024', 'unknown'],
    ['…also in "the final days of" an event', 'Live rounds came to light in the closing days of Hannah Gutierrez-Reed\'s trial in March 2024, after Alec Baldwin was indicted.', '2024-09-27', 'March 2024', 'unknown'],
    ['what someone is to be charged for happened: its date is claimed', 'Prosecutors said Alec Baldwin would be charged for fatally shooting Halyna Hutchins on a New Mexico set in October 2020.', '2023-01-20', 'October 2020', 'conflict'],
    ['…the right date', 'Prosecutors said Alec Baldwin would be charged for fatally shooting Halyna Hutchins on a New Mexico set in October 2021.', '2023-01-20', 'October 2021', 'consistent'],
    ['"charged again" by a grand jury is a charge too', 'In January 2024, Alec Baldwin was charged again over the death of Halyna Hutchins.', '2024-12-18', 'January 2024', 'consistent'],
    ['an event noun that is the object of another verb gives the date to that verb', 'Alec Baldwin was ultimately cleared of the charges in July 2024, after the ammunition came to light.', '2024-12-18', 'July 2024', 'unknown'],
    ['a predicate in parentheses tells of the words before them, here a show the case does not know', 'In the trailer for the new series The Baldwins (premiering Feb. 23), Hilaria Baldwin speaks of the film Rust and of Halyna Hutchins.', '2025-01-25', 'Feb. 23', 'unknown'],
    ['"over two years ago" is a rounded distance', 'A grand jury indicted Alec Baldwin on a charge of involuntary manslaughter related to the tragic shooting incident on the set of the film Rust over two years ago.', '2024-01-20', 'over two years ago', 'unknown'],
    ['a day between a trial\'s opening and its verdict', 'Jurors heard the last witnesses in Hannah Gutierrez-Reed\'s trial on Wednesday, March 6.', '2024-03-06', 'Wednesday, March 6', 'unknown'],
    ['"yesterday" may be a day off the page\'s date', 'Erlinda Ocampo Johnson, a special prosecutor on Alec Baldwin\'s case, resigned yesterday.', '2024-07-12', 'yesterday', 'unknown'],
    ['"today" the day after a trial ended may be its last day', 'Today was the third day of Alec Baldwin\'s manslaughter trial, and already the actor has gotten some great news.', '2024-07-13', 'Today', 'unknown'],
    ['what someone was found guilty of is not dated by the verdict\'s date', 'A Santa Fe jury found Gutierrez-Reed guilty of the felony charge in March, months before Alec Baldwin\'s trial.', '2024-10-01', 'March', 'unknown'],
    ['a byline\'s date after a bar', 'Rust (2025) Review by a critic | May 2, 2025 Rust emerges from the tragedy that killed Halyna Hutchins when Alec Baldwin fired.', '2025-05-02', 'May 2, 2025', 'unknown'],
    ['a second month the case keeps for an event ("refiled in August and reinstated in September")', 'Alec Baldwin\'s lawsuit was dismissed for inactivity but was refiled in August and reinstated by a judge in September.', '2025-10-23', 'August', 'consistent'],
    ['a date after "decision" tells which decision', 'Prosecutors withdrew their appeal against the court\'s decision in July to dismiss the case against Alec Baldwin.', '2024-12-24', 'July', 'unknown'],
    ['a weekday before a full date is that date', 'While filming Rust on Thursday, October 21, 2021, Alec Baldwin fired the gun that killed Halyna Hutchins.', '2024-02-01', 'Thursday, October 21, 2021', 'consistent'],
    ['a possessive\'s dated noun is dated, not the verb that acts on it', 'Judge Casey Fitch threw out Alec Baldwin\'s January complaint against the prosecutors.', '2025-07-31', 'January', 'unknown'],
    ['…but a possessive\'s noun that is the subject of its verb takes that verb\'s date', 'Alec Baldwin\'s January lawsuit was filed against the special prosecutor Kari Morrissey.', '2025-03-01', 'January', 'consistent'],
    ['a phrase after "the X of the Y" goes with the head X', 'Alec Baldwin welcomed the dismissal of the involuntary manslaughter charge in July 2024 as a relief.', '2025-01-10', 'July 2024', 'consistent'],
    ['a quoted date is someone else\'s words', '"She was killed on Oct. 25, 2021," the complaint says of Halyna Hutchins, naming Alec Baldwin.', '2022-02-16', 'Oct. 25, 2021', 'unknown'],
  ])('%s', readsAs());
});

describe('dates: what a year-less or numbered date means', () => {
  it.each<Row>([
    ['a month named with "last" that ended just before the article may be this year\'s or the year before\'s: either may fit', 'Halyna Hutchins was shot by Alec Baldwin last October during a rehearsal.', '2022-11-13', 'last October', 'consistent'],
    ['…and when neither fits, it is left open', 'Halyna Hutchins was shot by Alec Baldwin last October during a rehearsal.', '2023-11-13', 'last October', 'unknown'],
    ['…a season just over too', 'Halyna Hutchins was shot by Alec Baldwin last summer during a rehearsal.', '2023-09-10', 'last summer', 'unknown'],
    ['a month named with "last" that ended months before is this year\'s', 'Halyna Hutchins was shot by Alec Baldwin last March during a rehearsal.', '2022-11-13', 'last March', 'conflict'],
    ['a month named with "last" that can only be last year\'s still conflicts', 'Halyna Hutchins was shot by Alec Baldwin last December during a rehearsal.', '2022-11-13', 'last December', 'conflict'],
    ['a past-tense month without a year is never after publication', 'Hannah Gutierrez-Reed had been found guilty by a jury in March for the death of Halyna Hutchins.', '2024-04-15', 'March', 'consistent'],
    ['a month with no year matching the event in another year is left open', 'Few people testified at Alec Baldwin\'s July trial before it was upended by revelations about ammunition.', '2025-10-22', 'July', 'unknown'],
    ['a month with no year that no year could fit still conflicts', 'Few people testified at Alec Baldwin\'s December trial before it was upended by revelations about ammunition.', '2025-10-22', 'December', 'conflict'],
    ['a statute number is not a year', 'Alec Baldwin\'s suit against Kari Morrissey rests on 42 U.S.C. § 1983 and the state constitution.', '2025-10-22', '1983', 'none'],
  ])('%s', readsAs());

  it('resolves a past-tense "in March" to the March before publication', () => {
    const text = 'Hannah Gutierrez-Reed had been found guilty by a jury in March for the death of Halyna Hutchins.';
    const [march] = over(text, checkText(text, '2024-04-15'), 'March').filter((a) => a.kind === 'date');
    expect(march.value).toBe('2024-03');
  });
});

describe('roles and ages', () => {
  it.each<Row>([
    ['a title right before the name, held then', 'Special prosecutor Kari Morrissey spoke to reporters about Alec Baldwin.', '2024-07-13', 'Kari Morrissey', 'consistent'],
    ['a title before the name, not yet held', 'Special prosecutor Kari Morrissey spoke to reporters about Alec Baldwin.', '2022-06-01', 'Kari Morrissey', 'conflict'],
    ['a title before a start the case records only as a first mention is left open', 'Alec Baldwin\'s attorney Luke Nikas called the FBI report misconstrued.', '2022-08-16', 'Luke Nikas', 'unknown'],
    ['a title before a start the case records as an appointment still conflicts', 'Special prosecutor Andrea Reeb spoke to reporters about Alec Baldwin.', '2022-06-01', 'Andrea Reeb', 'conflict'],
    ['a wrong title in apposition after the name', 'Alec Baldwin fired the gun that wounded Joel Souza, the film\'s armorer, on the set.', '2021-10-27', 'Joel Souza', 'conflict'],
    ['a right title in apposition after the name', 'Alec Baldwin fired the gun that wounded Joel Souza, the film\'s director, on the set.', '2021-10-27', 'Joel Souza', 'consistent'],
    ['in a list of names with titles, a title between two names is the earlier one\'s', 'Alec Baldwin sued David Halls, the assistant director, Sarah Zachry, the prop master, and Seth Kenney, the supplier.', '2022-11-14', 'Sarah Zachry', 'consistent'],
    ['an indefinite title after a name tells a trade, not a role in the story', 'Alec Baldwin\'s lawyers blamed the supplier Seth Kenney. They said that Kenney, a respected armorer, let live rounds slip in.', '2024-10-01', 'Kenney, a respected', 'unknown'],
    ['a relative\'s age is not the person\'s', 'Alec Baldwin, 66, dined with his wife Hilaria Baldwin, 40, and his brother Stephen Baldwin, 58.', '2024-07-13', '40', 'none'],
    ['a wrong title in apposition before the name', 'The movie\'s cinematographer, Joel Souza, was hurt too, Alec Baldwin said.', '2021-10-27', 'Joel Souza', 'conflict'],
    ['a title ending the sentence before is not a role', 'Alec Baldwin was told the gun was cold by the armorer. Halls said nothing more.', '2024-02-29', 'Halls', 'none'],
    ['a subject that follows a name is not its apposition', 'In a win for Alec Baldwin, the special prosecutor in his case is stepping down.', '2023-03-14', 'Alec Baldwin', 'none'],
    ['a quoted title is the complaint\'s word', '"Producer Joel Souza was shot in the shoulder," the complaint against Alec Baldwin says.', '2022-11-11', 'Joel Souza', 'none'],
    ['a crew job the person never held', 'Alec Baldwin blamed the make-up artist Hannah Gutierrez-Reed for the live round.', '2022-11-13', 'Hannah Gutierrez-Reed', 'conflict'],
    ['the armorer\'s job under another name, given to someone who never held it', 'Alec Baldwin sued the assistant gunsmith Seth Kenney and others over the live round.', '2022-11-13', 'Seth Kenney', 'conflict'],
    ['…given to the armorer', 'Alec Baldwin sued the production gunsmith Hannah Gutierrez-Reed and others over the live round.', '2022-11-13', 'Hannah Gutierrez-Reed', 'consistent'],
    ['a crew job the person held', 'Screenwriter Joel Souza spoke about finishing the film Alec Baldwin starred in.', '2024-11-21', 'Joel Souza', 'consistent'],
    ['a wrong age before the name', 'Alec Baldwin shot Halyna Hutchins and 42-year-old Joel Souza, the film\'s director.', '2021-10-27', '42-year-old', 'conflict'],
    ['a right age before the name', 'Alec Baldwin shot the 42-year-old Halyna Hutchins on the set.', '2024-04-16', '42-year-old', 'consistent'],
    ['an age is read as an age (24 in 2021), not as a prison term', 'The 27-year-old Hannah Gutierrez-Reed was sentenced in Santa Fe, Alec Baldwin\'s lawyers noted.', '2024-04-15', '27-year-old', 'consistent'],
  ])('%s', readsAs());
});

describe('valued facts', () => {
  it.each<Row>([
    ['a suit filed in the wrong court', 'Alec Baldwin\'s lawsuit, filed in federal court last week, targets Kari Morrissey.', '2025-01-15', 'filed in federal court', 'conflict'],
    ['a city is not a court', 'Alec Baldwin sued Kari Morrissey on January 9, filing the lawsuit in Santa Fe, New Mexico.', '2025-01-11', 'lawsuit in Santa Fe', 'none'],
    ['a person is not a court', 'Enhancements first filed in the case against Gutierrez and Alec Baldwin were dropped.', '2024-01-19', 'filed in the case', 'none'],
    ['refiling a civil suit is not refiling charges', 'Alec Baldwin\'s lawyer said he will be refiling the lawsuit promptly if talks with Kari Morrissey fail.', '2025-07-31', 'refiling', 'none'],
    ['where someone was hit, a different part of the body', 'The round struck Halyna Hutchins in the chest and then hit Joel Souza in the knee as Alec Baldwin rehearsed.', '2022-02-01', 'in the knee', 'conflict'],
    ['the stomach is not the chest', 'Alec Baldwin pulled the trigger and the bullet hit Halyna Hutchins in the stomach.', '2022-02-01', 'in the stomach', 'conflict'],
    ['where someone was hit, another word for the same region', 'Joel Souza was wounded in his right collarbone when the gun Alec Baldwin held went off.', '2022-02-01', 'in his right collarbone', 'consistent'],
    ['where someone was hit, a neighbouring region is left unknown', 'Joel Souza was wounded in his upper arm when the gun Alec Baldwin held went off.', '2022-02-01', 'in his upper arm', 'unknown'],
    ['where someone was hit, in a quotation', '"It went into Joel Souza and hit him in the leg," a crew member said of the shot Alec Baldwin fired.', '2022-02-01', 'in the leg', 'none'],
    ['a state whose word sits inside an event\'s phrase is still read', 'Charges against Alec Baldwin were dismissed in July and may be refiled later.', '2024-09-01', 'may be refiled', 'conflict'],
    ['a maximum the defendant had faced before a charge changed', 'Before the enhancement was dropped, Alec Baldwin had faced as much as five years in prison for involuntary manslaughter.', '2023-02-22', 'five years', 'unknown'],
    ['a charge refiled is an action, not a state', 'Prosecutors dismissed a charge against Alec Baldwin in 2023 but refiled it in January.', '2024-07-13', 'refiled', 'none'],
    ['a state told as it stood on the day of a past statement', 'Prosecutors dropped the charge against Alec Baldwin on April 21, 2023, saying it could be refiled.', '2025-01-15', 'could be refiled', 'consistent'],
    ['a state as of publication, contradicted', 'Prosecutors have said they may refile charges against Alec Baldwin.', '2025-01-15', 'may refile', 'conflict'],
    ['a wrong maximum penalty', 'Hannah Gutierrez-Reed, convicted of involuntary manslaughter, faces a sentence of up to three years in prison.', '2024-03-07', 'three years', 'conflict'],
    ['a maximum over two offences together is no claim about one', 'Hannah Gutierrez-Reed has been charged with involuntary manslaughter and evidence tampering and faces up to three years in prison if found guilty.', '2024-02-22', 'three years', 'unknown'],
    ['a party\'s plan to refile is no claim that the case can be refiled', 'Alec Baldwin\'s lawyers said they will be refiling the case within a month.', '2025-07-31', 'will be refiling', 'none'],
    ['a maximum written before the charges were reduced', 'Alec Baldwin, 64, was charged with involuntary manslaughter and could face up to five years in prison, prosecutors said.', '2023-01-20', 'five years', 'unknown'],
    ['time served is not the sentence\'s length', 'Hannah Gutierrez-Reed was released after serving 14 months of her sentence for the death of Halyna Hutchins.', '2025-05-25', '14 months', 'none'],
    ['…nor time behind bars so far', 'Hannah Gutierrez-Reed, who has been behind bars for almost seven months, is serving an 18-month sentence.', '2024-10-01', 'seven months', 'none'],
    ['a right maximum penalty', 'Hannah Gutierrez-Reed, convicted of involuntary manslaughter, faces up to 18 months in prison.', '2024-03-07', '18 months', 'consistent'],
    ['a sentence handed down, right', 'Hannah Gutierrez-Reed was sentenced to 18 months in prison for involuntary manslaughter.', '2024-04-16', '18 months', 'consistent'],
  ])('%s', readsAs());
});

describe('outcomes: a verdict claimed for someone charged in the case', () => {
  it.each<Row>([
    ['an acquittal claimed for someone whose prosecution was dismissed', 'Alec Baldwin is negotiating a settlement, just weeks after being acquitted of involuntary manslaughter.', '2025-07-30', 'acquitted', 'conflict'],
    ['…said of a role noun standing for him', 'Alec Baldwin\'s suit was dismissed. The actor is negotiating, weeks after being acquitted of involuntary manslaughter.', '2025-07-30', 'acquitted', 'conflict'],
    ['a conviction claimed for him', 'Alec Baldwin was convicted of involuntary manslaughter over the Rust shooting.', '2025-01-10', 'convicted', 'conflict'],
    ['an acquittal of someone the case holds a verdict for is left alone', 'Hannah Gutierrez-Reed was acquitted of tampering with evidence.', '2024-03-07', 'acquitted', 'none'],
    ['the subject of a verdict, past an apposition naming someone else', 'Hannah Gutierrez-Reed, the armorer in the Alec Baldwin movie "Rust," has been found guilty of involuntary manslaughter.', '2024-03-07', 'found guilty', 'none'],
    ['…past a relative clause naming someone else', 'Hannah Gutierrez-Reed, who worked with Alec Baldwin on the film, has been found guilty of involuntary manslaughter.', '2024-03-07', 'found guilty', 'none'],
    ['a verdict denied', 'Alec Baldwin was never convicted of involuntary manslaughter.', '2025-01-10', 'convicted', 'none'],
    ['a verdict supposed', 'If convicted, Alec Baldwin would have faced 18 months in prison.', '2024-07-01', 'convicted', 'none'],
    ['a verdict supposed after the word', 'Alec Baldwin\'s conviction would have carried up to 18 months in prison.', '2024-08-01', 'conviction', 'none'],
    ['a verdict claimed while the prosecution was open is left open', 'Alec Baldwin was acquitted of involuntary manslaughter, a fan account claimed.', '2023-02-01', 'acquitted', 'none'],
  ])('%s', readsAs());
});

describe('murder said of a death the case records as an accident', () => {
  it.each<Row>([
    ['"murdered" before the victim\'s name', 'Alec Baldwin settled with the family of murdered cinematographer Halyna Hutchins.', '2022-10-05', 'murdered cinematographer Halyna Hutchins', 'conflict'],
    ['"was murdered" after it', 'Halyna Hutchins was murdered on the set of Rust, where Alec Baldwin was rehearsing.', '2022-10-21', 'murdered', 'conflict'],
    ['a murder verdict for someone charged with manslaughter', 'Hannah Gutierrez-Reed was found guilty of murder in March, months before Alec Baldwin\'s trial.', '2024-04-15', 'guilty of murder', 'conflict'],
    ['denied', 'Halyna Hutchins was not murdered, the sheriff said of the shooting by Alec Baldwin.', '2021-10-27', 'murdered', 'none'],
    ['supposed or demanded', 'A politician said Alec Baldwin should be charged with murder over the death of Halyna Hutchins.', '2023-01-20', 'charged with murder', 'none'],
    ['quoted', '"Baldwin murdered Halyna Hutchins," one commenter wrote.', '2022-10-21', 'murdered', 'none'],
    ['a film\'s plot', 'In Rust, Alec Baldwin stars as an outlaw whose young grandson is convicted of murder.', '2025-05-02', 'convicted of murder', 'none'],
  ])('%s', readsAs());
});

describe('who did what: a judge', () => {
  it.each<Row>([
    ['a judge named as doing what another judge did', 'Alec Baldwin\'s suit stalled for months. Judge Bryan Biedscheid, who oversees the case, finally dismissed the lawsuit without prejudice, giving Baldwin 30 days.', '2025-07-30', 'Bryan Biedscheid', 'conflict'],
    ['…the judge who did it', 'Alec Baldwin\'s suit stalled for months. Judge Casey Fitch, who oversees the case, finally dismissed the lawsuit without prejudice, giving Baldwin 30 days.', '2025-07-30', 'Casey Fitch', 'consistent'],
    ['"a judge" announcing charges a prosecutor announced', 'A judge today ruled Alec Baldwin will be charged with involuntary manslaughter.', '2023-01-19', 'judge', 'conflict'],
    ['"a judge" for a ruling a judge made', 'A judge refused on Thursday to reopen the case against Alec Baldwin.', '2024-10-26', 'judge', 'none'],
    ['a judge\'s verb in another clause is not theirs', 'Judge Mary Marlowe Sommer said that prosecutors dismissed the charge against Alec Baldwin in April 2023.', '2024-07-13', 'Mary Marlowe Sommer', 'consistent'],
    ['a judge who "cited" a reason issued no citation', 'Alec Baldwin\'s case was thrown out after the judge cited misconduct by the prosecutors.', '2024-07-13', 'judge', 'none'],
    ['…nor one in what a judge said', 'The judge said prosecutors had charged Alec Baldwin on Jan. 19, 2023, without telling the court.', '2024-07-13', 'judge', 'none'],
  ])('%s', readsAs());
});

describe('why a case was dismissed', () => {
  it.each<Row>([
    ['a reason the case records for none of the dismissals meant', 'In July 2024, the New Mexico court closed the case against Alec Baldwin, citing insufficient evidence to proceed.', '2025-03-27', 'insufficient evidence', 'conflict'],
    ['…the reason the case records', 'A judge dismissed the charge against Alec Baldwin in July 2024, citing prosecutors\' concealment of ammunition.', '2024-08-01', 'concealment', 'consistent'],
    ['…a civil suit\'s reason', 'A judge dismissed Alec Baldwin\'s lawsuit against the prosecutors, citing a lack of activity in the case.', '2025-08-01', 'lack of activity', 'consistent'],
    ['a reason given for a dismissal only asked for is no claim', 'Alec Baldwin\'s lawyers asked the judge to dismiss the case, citing insufficient evidence.', '2024-06-01', 'insufficient evidence', 'none'],
    ['"citing" a source gives no reason', 'The charges against Alec Baldwin were dropped in April 2023, citing his attorneys.', '2023-05-01', 'his attorneys', 'none'],
  ])('%s', readsAs());
});

describe('records marked unverified never flag', () => {
  it('a date against an unverified event of the bundled case is unknown, with the reason', () => {
    // Baldwin's 2023 plea rests on one weak source.
    const text = 'Alec Baldwin pleaded not guilty on March 3, 2023, waiving his first appearance.';
    const [date] = over(text, checkText(text, '2023-04-01'), 'March 3, 2023').filter((a) => a.kind === 'date');
    expect(date.verdict).toBe('unknown');
    expect(date.explanation).toMatch(/unverified/);
  });

  it.each<Row>([
    ['an unverified event', 'Raj Patel resigned on June 9, 2024, Ann Lee said.', '2024-07-01', 'June 9, 2024', 'unknown'],
    ['an unverified person\'s role', 'Judge Raj Patel spoke after Ann Lee.', '2024-07-01', 'Raj Patel', 'unknown'],
    ['a verified person\'s wrong role still flags', 'Sheriff Ann Lee spoke after Raj Patel.', '2024-07-01', 'Ann Lee', 'conflict'],
    ['a verified person\'s right role', 'Judge Ann Lee spoke after Raj Patel.', '2024-07-01', 'Ann Lee', 'consistent'],
    ['an untyped event found by its own trigger word', 'Ann Lee led the council vote on March 9, 2024, officials said.', '2024-06-01', 'March 9, 2024', 'conflict'],
  ])('%s', readsAs(smallCase()));
});

describe('explanations and event ids', () => {
  it('says which event a conflict was read as, and why', () => {
    const text = 'Halyna Hutchins was shot and killed on the set on June 3, 2022, by a prop gun Alec Baldwin held.';
    const [date] = over(text, checkText(text, '2022-08-01'), 'June 3, 2022').filter((a) => a.kind === 'date');
    expect(date.verdict).toBe('conflict');
    expect(date.event).toBe('shooting');
    expect(date.explanation).toMatch(/^Read as the date of “Fatal shooting/);
    expect(date.explanation).toMatch(/names .*Halyna Hutchins/);
  });

  it('an unrelated story is never checked', () => {
    const text = 'The mayor opened the new library on June 3, 2022, and thanked the architects.';
    expect(checkText(text, '2022-08-01').filter((a) => a.verdict !== 'unknown')).toEqual([]);
  });
});
