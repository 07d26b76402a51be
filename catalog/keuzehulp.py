"""The keuzehulp's rules: which published programme fits this patient, and why (pure: no database).

Two steps, as a GP would reason:

1. Hard constraints filter. A programme that misses one cannot be offered to this patient at all: it does not
   address the complaint, is not meant for this severity, is not in the patient's language, cannot be used
   anonymously when that was asked for, or does not run on the patient's device. A fact nobody has checked yet
   (None, "not known yet") never passes a hard constraint, but it is said as what it is: not known yet, ask the
   provider; never as "cannot".
2. Soft preferences score. They change the order, never the set: the wish for guidance, reading level, age
   group, a strength-based approach, and the curators' quality verdicts ("meets" raises the score, "unknown"
   is a watch point). An unknown fact never gives a reason or points; it gives a watch point.

Every result carries its reasons and watch points as sentences built from the catalogue's data, so a curator
who edits a programme changes what the keuzehulp says about it; nothing here names a programme.

Red flags (severe complaints, thoughts of suicide, an acute crisis, psychotic symptoms) filter nothing: they
put a safety message before any programme, because self-help alone is not the route for these patients.
Acute crisis and psychotic symptoms are the extra red flags because each calls for a professional at once
(the practice, the out-of-hours service, a crisis team or a referral), not for a programme to work through.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import models
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from catalog.lenient import has_key, last, one_of, split_known, values_of
from catalog.models import AgeBand, Criterion, Programme, Verdict
from catalog.quality import VerdictWording, overdue_notice, verdict_wording
from catalog.selectors import COMPARE_MAX, COMPARE_MIN

# --- The questions ---------------------------------------------------------------------------------------


class Severity(models.TextChoices):
    MILD = "mild", gettext_lazy("Mild")
    MODERATE = "moderate", gettext_lazy("Moderate")
    SEVERE = "severe", gettext_lazy("Severe")


class RedFlag(models.TextChoices):
    SUICIDAL = "suicidal", gettext_lazy("Thoughts of suicide")
    CRISIS = "crisis", gettext_lazy("Acute crisis (danger to self or others)")
    PSYCHOSIS = "psychosis", gettext_lazy("Psychotic symptoms (voices, delusions)")


class AgeGroup(models.TextChoices):
    """The patient's age, asked in the target groups' own age bands (a curator sets a group's band in the admin)."""

    YOUTH = AgeBand.YOUTH, gettext_lazy("Young person (under 18)")
    ADULT = AgeBand.ADULT, gettext_lazy("Adult (18 to 65)")
    OLDER = AgeBand.OLDER, gettext_lazy("Older adult (65 and over)")


class Reading(models.TextChoices):
    PLAIN = "plain", gettext_lazy("Plain language (B1)")
    LOW = "low", gettext_lazy("Low literacy")


class Guidance(models.TextChoices):
    GUIDED = "guided", gettext_lazy("With guidance (POH-ggz)")
    ALONE = "alone", gettext_lazy("Alone")


class Device(models.TextChoices):
    WEB = "web", gettext_lazy("Computer or tablet (website)")
    IOS = "ios", gettext_lazy("iPhone (app)")
    ANDROID = "android", gettext_lazy("Android phone (app)")


# What a target group means (its age band, whether it is for people with low literacy) is data on the group, set by
# a curator; the selector copies it into ProgrammeFacts. A group that says neither plays no part in these rules.
# An older adult can follow a programme for adults without a warning; the other way round deserves one.
AGE_ALSO_SUITS = {AgeGroup.OLDER: AgeGroup.ADULT}
EASY_READING_LEVELS = frozenset({Programme.ReadingLevel.A2, Programme.ReadingLevel.B1})

# Query-string keys, one per question. They are the form's field names too.
SINGLE_KEYS = ("theme", "severity", "age", "language", "reading", "guidance", "device")
FLAG_KEYS = ("anonymous", "strength")
RED_FLAG_KEY = "flag"
QUERY_KEYS = (*SINGLE_KEYS, *FLAG_KEYS, RED_FLAG_KEY)
# The answers that only reorder the list; the property tests check they never remove a programme.
SOFT_ANSWER_FIELDS = ("age", "reading", "guidance", "strength")
TRUE_VALUES = frozenset({"on", "1", "true", "yes"})

# --- Scores (soft preferences only; hard constraints never score) ----------------------------------------
SCORE_GUIDANCE_MATCH = 3  # the wish for guidance or for working alone is met exactly
SCORE_BLENDED_FOR_GUIDANCE = 2  # guidance wished for, and the programme combines with consultations
SCORE_GUIDANCE_MISSING = -2  # the wish cannot be met by this programme
SCORE_READING_EASIEST = 3  # reading level A2, or made for people with low literacy
SCORE_READING_EASY = 2  # reading level B1
SCORE_READING_TOO_HARD = -2
SCORE_AGE_MATCH = 2
SCORE_AGE_OTHER = -2
SCORE_STRENGTH = 2
SCORE_STRENGTH_MIXED = 1
SCORE_COMPLAINT_FOCUSED = -1
SCORE_BLENDED_WITH_RED_FLAG = 2  # with a red flag, what the practice can weave into treatment comes first
# Effectiveness weighs most: "does it work?" is the first quality question a GP asks.
SCORE_MEETS = {Criterion.EFFECTIVENESS: 3}
SCORE_MEETS_OTHER = 1
SCORE_DOES_NOT_MEET = {Criterion.EFFECTIVENESS: -3}
SCORE_DOES_NOT_MEET_OTHER = -2

NEAREST_LIMIT = 3  # when nothing fits, this many nearest matches are shown


# --- Plain data in ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerOptions:
    """What the catalogue offers to choose from: theme slug -> name, language code -> name.

    `home_languages`: the codes of the catalogue's home language (Dutch), which every programme is expected to
    speak: offering it is no reason to mention, and the question starts on it.
    """

    themes: Mapping[str, str] = field(default_factory=dict)
    languages: Mapping[str, str] = field(default_factory=dict)
    home_languages: frozenset[str] = frozenset()

    @property
    def home_language(self) -> str:
        """The home language the form starts on, if any programme offers it."""
        return next((code for code in self.languages if code in self.home_languages), "")


@dataclass(frozen=True)
class ProgrammeFacts:
    """The facts of one published programme the rules look at, copied out of the models.

    Yes/no facts are True, False or None ("not known yet"); reading level, approach and cost may be "unknown".
    The defaults are the model's: nothing is known until a curator records it.
    """

    id: int
    slug: str
    name: str
    summary: str = ""
    patient_text: str = ""  # read only for the advice sheet (keuzehulp_selectors.chosen_programmes)
    website: str = ""
    provider: str = ""
    themes: frozenset[str] = frozenset()  # theme slugs
    age_bands: frozenset[str] = frozenset()  # the age bands of its target groups (AgeBand values)
    for_low_literacy: bool = False  # one of its target groups is for people with low literacy
    languages: frozenset[str] = frozenset()  # language codes
    reading_level: str = Programme.ReadingLevel.UNKNOWN
    offers_self_help: bool | None = None
    offers_guided: bool | None = None
    offers_blended: bool | None = None
    suits_mild: bool | None = None
    suits_moderate: bool | None = None
    anonymous_use: bool | None = None
    on_web: bool | None = None
    on_ios: bool | None = None
    on_android: bool | None = None
    approach: str = Programme.Approach.UNKNOWN
    cost: str = Programme.Cost.UNKNOWN
    duration_weeks: int | None = None
    verdicts: Mapping[str, str] = field(default_factory=dict)  # criterion -> verdict; missing means unknown
    assessed_on: Mapping[str, date] = field(default_factory=dict)  # criterion -> date; missing: never assessed
    overdue: bool = False  # past its planned next review (the selector compares next_review with today)

    def quality(self) -> tuple[VerdictWording, ...]:
        """Each criterion's verdict in the site's one wording, with its date and the overdue state."""
        return tuple(
            verdict_wording(
                criterion, self.verdicts.get(criterion), self.assessed_on.get(criterion), overdue=self.overdue
            )
            for criterion in Criterion
        )


@dataclass(frozen=True)
class Answers:
    """What the GP answered, already cleaned: every value is one the form offers, or empty."""

    theme: str = ""
    severity: str = ""
    red_flags: frozenset[str] = frozenset()
    age: str = ""
    language: str = ""
    reading: str = ""
    guidance: str = ""
    anonymous: bool = False
    device: str = ""
    strength: bool = False
    submitted: bool = False

    @classmethod
    def from_query(cls, query, options: AnswerOptions) -> "Answers":
        """Read answers from a QueryDict or a dict; unknown or tampered values are dropped, never raise."""
        allowed = {
            "theme": options.themes,
            "severity": Severity.values,
            "age": AgeGroup.values,
            "language": options.languages,
            "reading": Reading.values,
            "guidance": Guidance.values,
            "device": Device.values,
        }
        # The same lenient reading as the overview's filters (catalog/lenient.py): the last value wins, as
        # QueryDict.get does, and a value the form does not offer is ignored.
        singles = {key: one_of(last(values_of(query, key)), allowed[key]) for key in SINGLE_KEYS}
        flags = {key: last(values_of(query, key)).lower() in TRUE_VALUES for key in FLAG_KEYS}
        red_flags, _unknown = split_known(values_of(query, RED_FLAG_KEY), RedFlag.values.__contains__)
        submitted = any(has_key(query, key) for key in QUERY_KEYS)
        return cls(**singles, **flags, red_flags=frozenset(red_flags), submitted=submitted)

    @property
    def has_red_flag(self) -> bool:
        return self.severity == Severity.SEVERE or bool(self.red_flags)

    @property
    def red_flag_labels(self) -> list[str]:
        """What raised the flag, in words, in the order the form asks."""
        labels = [_("Severe complaints")] if self.severity == Severity.SEVERE else []
        return labels + [str(flag.label) for flag in RedFlag if flag in self.red_flags]

    def as_initial(self) -> dict:
        """The answers as form initial data, so the form shows exactly what the result was computed from."""
        initial = {key: getattr(self, key) for key in SINGLE_KEYS}
        initial.update(anonymous=self.anonymous, strength=self.strength, flag=sorted(self.red_flags))
        return initial

    def as_query(self) -> list[tuple[str, str]]:
        """The answers as query-string pairs (for links that must carry them: advice, back to the result)."""
        pairs = [(key, getattr(self, key)) for key in SINGLE_KEYS if getattr(self, key)]
        pairs += [(key, "on") for key in FLAG_KEYS if getattr(self, key)]
        pairs += [(RED_FLAG_KEY, flag) for flag in sorted(self.red_flags)]
        return pairs


# --- Results out -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Miss:
    """A hard constraint the programme does not pass: it definitely fails, or the fact is not known yet."""

    text: str
    unknown: bool = False


@dataclass(frozen=True)
class Match:
    """One programme judged against the answers."""

    programme: ProgrammeFacts
    score: int = 0
    reasons: tuple[str, ...] = ()
    watch_points: tuple[str, ...] = ()
    misfits: tuple[str, ...] = ()  # the hard constraints it fails, in words
    unknowns: tuple[str, ...] = ()  # the hard constraints it cannot pass because a fact is not known yet
    on_menu: bool = False

    @property
    def fits(self) -> bool:
        return not self.misfits and not self.unknowns

    @property
    def distance(self) -> tuple[int, int]:
        """How far from fitting: definite misfits weigh first, facts not known yet second."""
        return len(self.misfits), len(self.unknowns)


@dataclass(frozen=True)
class Advice:
    """The keuzehulp's answer: programmes that fit (best first), or else the nearest matches."""

    answers: Answers
    matches: tuple[Match, ...] = ()
    nearest: tuple[Match, ...] = ()

    @property
    def safety_first(self) -> bool:
        return self.answers.has_red_flag

    @property
    def nothing_fits(self) -> bool:
        return not self.matches

    @property
    def match_count(self) -> int:
        """How many programmes fit in all (an IndexedAdvice keeps only the first few as matches)."""
        return len(self.matches)

    @property
    def compare_slugs(self) -> tuple[str, ...]:
        top = tuple(match.programme.slug for match in self.matches[:COMPARE_MAX])
        return top if len(top) >= COMPARE_MIN else ()


# --- The ranking -----------------------------------------------------------------------------------------


def rank(
    programmes: Iterable[ProgrammeFacts],
    answers: Answers,
    options: AnswerOptions,
    *,
    menu: frozenset[int] = frozenset(),
) -> Advice:
    """Judge every programme, keep those that pass every hard constraint, best first.

    Order: programmes on the practice's own menu (`menu`, programme ids) first, then by score, then by name,
    so the same answers always give the same list. When nothing passes, the nearest matches are the
    programmes with the fewest failed constraints, each saying what does not fit or is not known yet. The
    nearest never cross the chosen theme: a programme for another complaint is no near match at all.
    """
    distances = [(programme, distance(programme, answers, options)) for programme in programmes]
    # Words and scores cost far more than the hard constraints, so only programmes that can be shown get them.
    fitting = [programme for programme, far in distances if far == (0, 0)]
    if fitting:
        judged = [judge(programme, answers, options, on_menu=programme.id in menu) for programme in fitting]
        return Advice(answers=answers, matches=tuple(sorted(judged, key=_order)))
    same_theme = [
        (programme, far) for programme, far in distances if not answers.theme or answers.theme in programme.themes
    ]
    candidates = _nearest_candidates(same_theme)
    judged = [judge(programme, answers, options, on_menu=programme.id in menu) for programme in candidates]
    by_distance = sorted(judged, key=lambda match: (match.distance, *_order(match)))
    return Advice(answers=answers, nearest=tuple(by_distance[:NEAREST_LIMIT]))


def _nearest_candidates(distances: list[tuple[ProgrammeFacts, tuple[int, int]]]) -> list[ProgrammeFacts]:
    """The programmes with the fewest failed constraints, enough of them to pick NEAREST_LIMIT from.

    Whole groups of equal distance are taken, so the score decides within a group as it would over all.
    """
    candidates = []
    for nearest in sorted({far for _programme, far in distances}):
        if len(candidates) >= NEAREST_LIMIT:
            break
        candidates += [programme for programme, far in distances if far == nearest]
    return candidates


def _order(match: Match):
    return (not match.on_menu, -match.score, match.programme.name.casefold(), match.programme.slug)


def misses(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions) -> list[Miss]:
    """The hard constraints the programme does not pass, in words; empty when it can be offered."""
    return [miss for rule in HARD_CONSTRAINTS if (miss := rule(programme, answers, options))]


def distance(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions) -> tuple[int, int]:
    found = misses(programme, answers, options)
    unknown = sum(miss.unknown for miss in found)
    return len(found) - unknown, unknown


def judge(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions, *, on_menu=False) -> Match:
    """Apply every rule to one programme: hard constraints give misfits, soft ones score and words."""
    failed = misses(programme, answers, options)
    score, reasons, watch_points = 0, [], []
    for rule in SOFT_PREFERENCES:
        points, rule_reasons, rule_watch_points = rule(programme, answers, options)
        score += points
        reasons += rule_reasons
        watch_points += rule_watch_points
    return Match(
        programme=programme,
        score=score,
        reasons=tuple(reasons),
        watch_points=tuple(watch_points),
        misfits=tuple(miss.text for miss in failed if not miss.unknown),
        unknowns=tuple(miss.text for miss in failed if miss.unknown),
        on_menu=on_menu,
    )


# Hard constraints: each returns what does not pass, in words, or None when the programme passes. A fact that is
# not known yet never passes: the programme might not suit, and the GP must be able to rely on a match.


def _ask(text) -> Miss:
    return Miss(text, unknown=True)


def theme_must_match(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions) -> Miss | None:
    if not answers.theme or answers.theme in programme.themes:
        return None
    return Miss(_("not for %(theme)s") % {"theme": _lower_first(options.themes.get(answers.theme, answers.theme))})


def severity_must_suit(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions) -> Miss | None:
    # The catalogue knows no programme for severe complaints; the nearest is one that suits moderate ones.
    if answers.severity == Severity.MILD:
        suits = programme.suits_mild
        no, unknown = _("not meant for mild complaints"), _("not known yet whether it suits mild complaints")
    elif answers.severity == Severity.MODERATE:
        suits = programme.suits_moderate
        no = _("not meant for moderate complaints")
        unknown = _("not known yet whether it suits moderate complaints")
    elif answers.severity == Severity.SEVERE:
        suits = programme.suits_moderate
        no = _("not meant for moderate or severe complaints")
        unknown = _("not known yet whether it suits moderate complaints")
    else:
        return None
    return _check(suits, no, unknown)


def language_must_be_offered(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions) -> Miss | None:
    if not answers.language or answers.language in programme.languages:
        return None
    return Miss(_("not available in %(language)s") % {"language": language_name(answers.language, options)})


def anonymous_use_if_asked(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions) -> Miss | None:
    if not answers.anonymous:
        return None
    return _check(
        programme.anonymous_use,
        _("cannot be used anonymously"),
        _("not known yet whether it can be used anonymously"),
    )


def device_must_be_supported(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions) -> Miss | None:
    if answers.device == Device.WEB:
        return _check(programme.on_web, _("no website version"), _("not known yet whether there is a website version"))
    if answers.device == Device.IOS:
        return _check(programme.on_ios, _("no iPhone app"), _("not known yet whether there is an iPhone app"))
    if answers.device == Device.ANDROID:
        return _check(programme.on_android, _("no Android app"), _("not known yet whether there is an Android app"))
    return None


def _check(fact: bool | None, no: str, unknown: str) -> Miss | None:
    """Only a fact known to be true passes; an unknown one asks the GP to check with the provider."""
    if fact is True:
        return None
    if fact is None:
        return _ask(ask_the_provider(unknown))
    return Miss(no)


HARD_CONSTRAINTS = (
    theme_must_match,
    severity_must_suit,
    language_must_be_offered,
    anonymous_use_if_asked,
    device_must_be_supported,
)


# Soft preferences: each returns (score, reasons, watch points). An unknown fact scores nothing and gives no
# reason; where it matters for the answers given, it is a watch point that says it is not known yet.


def guidance_wish(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions):
    self_help, guided, blended = programme.offers_self_help, programme.offers_guided, programme.offers_blended
    if answers.guidance == Guidance.GUIDED:
        if guided is True:
            return SCORE_GUIDANCE_MATCH, [_("can be guided by the POH-ggz")], []
        if blended is True:
            return SCORE_BLENDED_FOR_GUIDANCE, [_("can be combined with consultations (blended)")], []
        if guided is None or blended is None:
            return 0, [], [ask_the_provider(_("not known yet whether the POH-ggz can guide it"))]
        if self_help is True:
            return SCORE_GUIDANCE_MISSING, [], [_("self-help only: no guidance offered")]
        return SCORE_GUIDANCE_MISSING, [], [_("no guidance offered")]
    if answers.guidance == Guidance.ALONE:
        if self_help is True:
            return SCORE_GUIDANCE_MATCH, [_("can be followed alone")], []
        if self_help is None:
            return 0, [], [ask_the_provider(_("not known yet whether it can be followed alone"))]
        return SCORE_GUIDANCE_MISSING, [], [_("needs guidance by the POH-ggz")]
    # Without a wish it is still worth knowing: guidance costs the POH-ggz time.
    if self_help is False:
        return 0, [], [_("needs guidance by the POH-ggz")]
    if self_help is None:
        return 0, [], [ask_the_provider(_("not known yet whether it can be followed without guidance"))]
    return 0, [], []


def reading_level(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions):
    if not answers.reading:
        return 0, [], []
    easiest = programme.reading_level == Programme.ReadingLevel.A2 or programme.for_low_literacy
    easy = programme.reading_level in EASY_READING_LEVELS
    if easiest or easy:
        if answers.reading == Reading.LOW:
            score = SCORE_READING_EASIEST if easiest else SCORE_READING_EASY
            return score, [_("suitable for low literacy")], []
        return SCORE_READING_EASY, [_("written in plain language")], []
    if programme.reading_level == Programme.ReadingLevel.UNKNOWN:
        return 0, [], [ask_the_provider(_("reading level not known yet"))]
    too_hard = _("reading level %(level)s: the text may be too hard") % {"level": programme.reading_level}
    return SCORE_READING_TOO_HARD, [], [too_hard]


def age_group(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions):
    if not answers.age:
        return 0, [], []
    if answers.age in programme.age_bands:
        group = _lower_first(AgeGroup(answers.age).label)
        return SCORE_AGE_MATCH, [_("made for: %(group)s") % {"group": group}], []
    aimed_elsewhere = [age for age in AgeGroup if age != answers.age and age in programme.age_bands]
    if aimed_elsewhere and AGE_ALSO_SUITS.get(answers.age) not in programme.age_bands:
        groups = ", ".join(_lower_first(AgeGroup(age).label) for age in aimed_elsewhere)
        return SCORE_AGE_OTHER, [], [_("made for another age group: %(groups)s") % {"groups": groups}]
    return 0, [], []


def strength_based(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions):
    if not answers.strength:
        return 0, [], []
    if programme.approach == Programme.Approach.STRENGTH:
        return SCORE_STRENGTH, [_("strength-based approach")], []
    if programme.approach == Programme.Approach.MIXED:
        return SCORE_STRENGTH_MIXED, [_("partly strength-based")], []
    if programme.approach == Programme.Approach.COMPLAINT:
        return SCORE_COMPLAINT_FOCUSED, [], [_("complaint-focused")]
    return 0, [], [ask_the_provider(_("not known yet whether it is strength-based"))]


def quality(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions):
    """Each criterion is judged on its own, as the Trimbos inventory does; "meets" raises, "unknown" warns.

    Every verdict is said in the site's one wording (catalog.quality), with its date, as on every other page.
    """
    wordings = programme.quality()
    # A verdict without an assessment date reads "not assessed yet" in the one wording, so it scores nothing.
    if not any(_assessed(wording) for wording in wordings) and len({wording.dated for wording in wordings}) == 1:
        return 0, [], [_("quality: all four criteria %(verdict)s") % {"verdict": wordings[0].dated}]
    score, reasons, watch_points = 0, [], []
    for wording in wordings:
        text = _("quality: %(criterion)s %(verdict)s") % {
            "criterion": _lower_first(wording.criterion_label),
            "verdict": wording.dated,
        }
        if _assessed(wording) and wording.verdict == Verdict.MEETS:
            score += SCORE_MEETS.get(wording.criterion, SCORE_MEETS_OTHER)
            reasons.append(text)
            continue
        if _assessed(wording) and wording.verdict == Verdict.DOES_NOT:
            score += SCORE_DOES_NOT_MEET.get(wording.criterion, SCORE_DOES_NOT_MEET_OTHER)
        watch_points.append(text)
    return score, reasons, watch_points


def _assessed(wording: VerdictWording) -> bool:
    return wording.is_known and wording.assessed_on is not None


def freshness(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions):
    """Past its planned next review: the information may be out of date, and the GP should know."""
    return 0, [], [overdue_notice()] if programme.overdue else []


def language_offered(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions):
    # The hard constraint already filters; this says it out loud when the language is not the usual one.
    if answers.language and answers.language not in options.home_languages and answers.language in programme.languages:
        name = language_name(answers.language, options)
        return 0, [_("available in %(language)s") % {"language": name}], []
    return 0, [], []


def red_flag_caution(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions):
    if not answers.has_red_flag:
        return 0, [], []
    watch_points = [_("only alongside treatment, never as the only help")]
    if programme.offers_blended is True:
        return SCORE_BLENDED_WITH_RED_FLAG, [_("can be combined with consultations (blended)")], watch_points
    return 0, [], watch_points


def patient_pays(programme: ProgrammeFacts, answers: Answers, options: AnswerOptions):
    if programme.cost == Programme.Cost.PATIENT:
        return 0, [], [_("the patient pays for it")]
    if programme.cost == Programme.Cost.UNKNOWN:
        return 0, [], [ask_the_provider(_("cost not known yet"))]
    return 0, [], []


SOFT_PREFERENCES = (
    language_offered,
    red_flag_caution,
    guidance_wish,
    reading_level,
    age_group,
    strength_based,
    quality,
    freshness,
    patient_pays,
)


# --- Words -----------------------------------------------------------------------------------------------


def ask_the_provider(not_known: str) -> str:
    """A fact that is not known yet, with what the GP can do about it: "…; ask the provider"."""
    return _("%(not_known)s; ask the provider") % {"not_known": not_known}


def language_name(code: str, options: AnswerOptions) -> str:
    """The language's name in the reader's language when Django knows it, else the curator's name for it."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return options.languages.get(code, code)


def _lower_first(text) -> str:
    # "Depressieve klachten" reads as "depressieve klachten" mid-sentence; "PTSS" stays as it is.
    text = str(text)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
