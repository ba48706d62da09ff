"""Hand-annotated quotes: the gold set that ``framing.quotes`` is measured against.

Two sources, both written for this project (no sentence copied from a real outlet):

- every article of ``corpora/s400``, read and annotated by hand, every quote in it;
- short passages written here, one per quoting style, including hard negatives (scare
  quotes, titles, quoted single words, headlines) that must give no quote.

Each passage lists *all* its quotes in text order, so precision can be measured too. A quote
is given by its exact words (without quote marks); the test finds them in the text, searching
forward from the previous quote. Conventions, the same as the module's:

- a quote broken by its attribution, or running over paragraphs, is one item per piece;
- the span is the words inside the marks (a trailing comma left out) or the reported clause
  (after "that" when there is one);
- ``speaker`` is canonical: the fullest name the article gives, or for an unnamed source its
  first description as written ("a senior official in Ankara");
- ``kind`` is "anonymous" whenever the speaker is unnamed, else "direct" or "indirect".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GoldQuote:
    words: str
    speaker: str
    kind: str


@dataclass(frozen=True, slots=True)
class GoldPassage:
    name: str
    style: str
    quotes: tuple[GoldQuote, ...]
    text: str = ""
    file: str = ""


def _q(words: str, speaker: str, kind: str) -> GoldQuote:
    return GoldQuote(words, speaker, kind)


D, IND, A = "direct", "indirect", "anonymous"

S400: tuple[GoldPassage, ...] = (
    GoldPassage(
        "us-wire-1",
        "s400",
        file="articles/us-wire-1.txt",
        quotes=(
            _q(
                "could threaten allied warplanes and open a window for Moscow into NATO's air "
                "defenses",
                "U.S. officials",
                A,
            ),
            _q(
                "We have been clear with our Turkish allies, in public and in private, that the "
                "S-400 is not compatible with NATO systems",
                "Laura Kessinger",
                D,
            ),
            _q(
                "A Russian system operating inside the alliance creates risks for every ally "
                "that flies there.",
                "Laura Kessinger",
                D,
            ),
            _q(
                "Russian hardware cannot be technically integrated with the alliance's own "
                "equipment",
                "Jim Mattis",
                IND,
            ),
            _q("purchasing decisions remain a national matter", "A NATO official", A),
            _q(
                "what counts for the alliance is that allies' equipment can work together.",
                "A NATO official",
                A,
            ),
            _q(
                "the purchase was driven by the country's own security needs rather than "
                "politics and would leave Turkey less reliant on foreign suppliers",
                "Süleyman Soylu",
                IND,
            ),
            _q(
                'the agreement was "finished business" and that Ankara had no intention of '
                "reopening it",
                "A Turkish official",
                A,
            ),
            _q("the contract had been signed and a deposit paid", "Recep Tayyip Erdoğan", IND),
            _q(
                "its longest-range interceptor can strike at up to 400 kilometers (250 miles)",
                "Russia",
                IND,
            ),
            _q(
                "an S-400 network operating in the same country as the F-35 could let "
                "Russian-designed radars gather data on how the stealth fighter shows up on "
                "sensors — information that could help Moscow learn to track and target it",
                "Officials",
                A,
            ),
            _q(
                "You would be putting the crown jewel of American air power in the same "
                "airspace as a Russian sensor built to find it",
                "Raymond Tolliver",
                D,
            ),
            _q(
                "Every training flight becomes a data point for Moscow. That's not a risk you "
                "can patch later.",
                "Raymond Tolliver",
                D,
            ),
            _q(
                "Washington has also urged Ankara, should it take delivery, to keep the Russian "
                "batteries switched off",
                "Turkish media",
                IND,
            ),
            _q(
                "Ankara, should it take delivery, to keep the Russian batteries switched off",
                "Washington",
                IND,
            ),
            _q(
                "it remains committed to buying the system in a deal expected to be worth about "
                "$5.5 billion",
                "India",
                IND,
            ),
        ),
    ),
    GoldPassage(
        "us-wire-2",
        "s400",
        file="articles/us-wire-2.txt",
        quotes=(
            _q("could expose the aircraft's secrets", "American officials", A),
            _q(
                "an S-400 battery operating in the same country as the F-35 could help Russia "
                "learn to detect and track the jet, eroding a stealth advantage that has cost "
                "American taxpayers hundreds of billions of dollars to build",
                "U.S. officials",
                A,
            ),
            _q(
                "The S-400 is a collection platform as much as it is a weapon",
                "Alan Whitcombe",
                D,
            ),
            _q(
                "If it watches F-35s take off and land for a few years, someone in Moscow is "
                "going to learn something.",
                "Alan Whitcombe",
                D,
            ),
            _q(
                "lawmakers had concluded that warnings alone were not working",
                "A senior congressional aide involved in drafting the Senate provision",
                A,
            ),
            _q(
                "Ankara has heard the message for a year. This is what it looks like when the "
                "message has consequences",
                "A senior congressional aide involved in drafting the Senate provision",
                A,
            ),
            _q(
                "removing Turkey from the program could force costly changes to the jet's "
                "supply chain",
                "Industry analysts",
                A,
            ),
            _q(
                "Ankara would respond in kind to any U.S. move to withhold the jets",
                "Mevlüt Çavuşoğlu",
                IND,
            ),
            _q(
                "the S-400 purchase, signed last year and reported at about $2.5 billion, is a "
                "done deal, with deliveries expected to begin in 2019",
                "Turkish officials",
                A,
            ),
            _q(
                "it cannot be connected to NATO's integrated air and missile defense network, "
                "and that operating it alongside allied aircraft would create security risks "
                "for the entire alliance",
                "The United States",
                IND,
            ),
            _q(
                "to give the administration room to waive sanctions for partners such as India "
                "that are trying to wean themselves off Russian weapons",
                "Jim Mattis",
                IND,
            ),
            _q(
                "any exemption would tell other governments that buying Russian arms carries "
                "little cost",
                "Critics",
                A,
            ),
            _q(
                "Every waiver is a discount coupon for Rosoboronexport",
                "a Republican Senate staff member",
                A,
            ),
            _q(
                "India, unlike Turkey, is not a NATO member, and that punishing New Delhi would "
                "only push a key partner in Asia back toward Moscow",
                "Supporters of a waiver",
                A,
            ),
            _q("For Turkey, the choice is narrowing", "Alan Whitcombe", IND),
            _q(
                "At some point Ankara will have to decide which club it wants to be in",
                "Alan Whitcombe",
                D,
            ),
        ),
    ),
    GoldPassage(
        "us-defence-site-1",
        "s400",
        file="articles/us-defence-site-1.txt",
        quotes=(
            _q(
                "the S-400 cannot be plugged into the alliance’s air defence network",
                "U.S. officials",
                A,
            ),
            _q("Russian and NATO systems simply cannot operate together", "Jim Mattis", IND),
            _q("For an alliance, the hardware is the easy part", "Margit Ellingsen", D),
            _q(
                "What you cannot integrate is suspicion. And right now suspicion is the one "
                "thing Ankara and Washington have in abundance.",
                "Margit Ellingsen",
                D,
            ),
            _q(
                "Washington looks at the S-400 and sees Russia. Ankara looks at it and sees "
                "every time an ally said no",
                "Selin Karaoğlu",
                D,
            ),
            _q("The S-400", "Selin Karaoğlu", D),
            _q("is a receipt for a decade of disappointments.", "Selin Karaoğlu", D),
            _q("Ankara would retaliate against any such measures", "Mevlüt Çavuşoğlu", IND),
            _q("penalties would act as a wedge rather than a lever", "Many in Europe", A),
            _q(
                "Nobody in Brussels wants to say it publicly, but sanctions on Turkey would be "
                "a gift to Moscow",
                "a European diplomat at NATO headquarters",
                A,
            ),
            _q(
                "The Kremlin doesn’t need Turkey to leave the alliance. It just needs Turkey to "
                "be unhappy inside it.",
                "a European diplomat at NATO headquarters",
                A,
            ),
            _q(
                "People feel Ankara has been testing us for two years, and the S-400 is the "
                "moment they stopped giving it the benefit of the doubt",
                "a senior congressional aide",
                A,
            ),
            _q(
                "for flexibility to waive sanctions for partners such as India",
                "the Trump administration",
                IND,
            ),
            _q("what allies buy is a national decision", "Jens Stoltenberg", IND),
            _q("the importance of interoperability", "Jens Stoltenberg", IND),
            _q("Alliances rarely end with a divorce", "Margit Ellingsen", D),
            _q(
                "They end when the partners stop expecting anything from each other.",
                "Margit Ellingsen",
                D,
            ),
        ),
    ),
    GoldPassage(
        "russian-state-1",
        "s400",
        file="articles/russian-state-1.txt",
        quotes=(
            _q(
                "Foreign demand for Russia's S-400 Triumf air defence system continues to grow, "
                "with Turkey and India reaffirming their orders in recent weeks and further "
                "customers in the Middle East and Asia showing interest",
                "industry representatives and experts",
                A,
            ),
            _q("The Triumf has become a calling card for Russian industry", "Igor Malyshev", D),
            _q(
                "Customers compare it with everything else on the market, and they keep coming "
                "back to us. Interest today is higher than anything we expected when the "
                "system was first offered abroad.",
                "Igor Malyshev",
                D,
            ),
            _q(
                "Russia accounted for 22 percent of global arms exports in 2013–2017, second "
                "only to the United States",
                "Stockholm International Peace Research Institute",
                IND,
            ),
            _q("the decision is final", "Turkish officials", A),
            _q(
                "the purchase served Turkey's national interests, not political considerations, "
                "and would reduce the country's reliance on foreign suppliers",
                "Suleyman Soylu",
                IND,
            ),
            _q(
                "they hope to expand cooperation with Russia to joint production in later "
                "phases of the programme",
                "Turkish officials",
                A,
            ),
            _q(
                "such efforts as an attempt to win through politics what American manufacturers "
                "cannot win on the market",
                "Russian experts",
                A,
            ),
            _q(
                "Washington's difficulty is simple: American manufacturers lose on price and on "
                "performance, so instead of competing they turn to political pressure",
                "Vadim Sorokin",
                D,
            ),
            _q(
                "But a customer who has been pressured once remembers it for a long time.",
                "Vadim Sorokin",
                D,
            ),
            _q(
                "India stands by all of its military-technical agreements with Moscow, the "
                "S-400 among them",
                "Pankaj Saran",
                IND,
            ),
            _q(
                "the two countries' cooperation in the field as rooted in long-standing trust",
                "Pankaj Saran",
                IND,
            ),
            _q("Russia supplied 62 percent of India's arms imports in 2013–2017", "SIPRI", IND),
            _q(
                "We have flown Russian aircraft and fired Russian missiles for half a century. "
                "The S-400 is a natural continuation of that relationship",
                "a source in the Indian defence establishment",
                A,
            ),
            _q(
                "No Western system combines these characteristics at this price",
                "Igor Malyshev",
                D,
            ),
            _q("That is why the Triumf sells itself.", "Igor Malyshev", D),
            _q("Every contract signed is an advertisement for the next one", "Vadim Sorokin", D),
        ),
    ),
    GoldPassage(
        "turkish-daily-1",
        "s400",
        file="articles/turkish-daily-1.txt",
        quotes=(
            _q(
                "Türkiye will not step back from its purchase of the S-400 air defence system "
                "from Russia",
                "officials in Ankara",
                A,
            ),
            _q("as a matter of national sovereignty", "officials in Ankara", A),
            _q(
                "the agreement was grounded in Turkey’s national interest rather than in "
                "political calculation, and that the Russian systems would make the country "
                "less dependent on outside suppliers for the defence of its own skies",
                "Süleyman Soylu",
                IND,
            ),
            _q(
                "The contract is signed, the advance has been paid and the timetable is set",
                "a senior official in Ankara",
                A,
            ),
            _q(
                "This matter is closed. Türkiye does not ask anyone’s permission to protect its "
                "own citizens.",
                "a senior official in Ankara",
                A,
            ),
            _q("the S-400 is “incompatible” with NATO systems", "U.S. officials", A),
            _q(
                "Ankara could buy the system as long as it never switches it on",
                "American officials",
                A,
            ),
            _q(
                "They are asking us to spend billions on an air defence system and then leave "
                "it in a hangar",
                "Halil Özkaya",
                D,
            ),
            _q(
                "No sovereign country would accept such a thing. This is not advice; it is an "
                "attempt at dictation.",
                "Halil Özkaya",
                D,
            ),
            _q(
                "the incompatibility argument has never been applied evenly",
                "Analysts in Ankara",
                A,
            ),
            _q(
                "they were pulling out the Patriot batteries they had stationed on Turkish soil "
                "under NATO",
                "the United States and Germany",
                IND,
            ),
            _q("Nobody asked our permission when they took the Patriots away", "Halil Özkaya", D),
            _q("Now they want a veto over what replaces them.", "Halil Özkaya", D),
            _q("the Russian deal", "officials", A),
            _q("buys time until it is ready", "officials", A),
            _q("Sovereignty", "Nermin Aydıner", D),
            _q(
                "is not something a nation exercises only when its allies approve.",
                "Nermin Aydıner",
                D,
            ),
            _q("The debate", "Nermin Aydıner", IND),
            _q(
                "revealed more about Washington’s expectations than about the S-400 itself",
                "Nermin Aydıner",
                IND,
            ),
            _q(
                "An alliance is a partnership of equals, not a chain of command.",
                "Nermin Aydıner",
                D,
            ),
            _q("as the most direct threat to its security", "Ankara", IND),
            _q(
                "the S-400 will be placed under Turkish command and integrated into Turkey’s "
                "own national air defence structure, with no foreign hand on the controls",
                "Government sources",
                A,
            ),
            _q(
                "Türkiye is a loyal member of NATO and will remain one",
                "a senior official in Ankara",
                A,
            ),
            _q("But loyalty does not mean obedience.", "a senior official in Ankara", A),
        ),
    ),
    GoldPassage(
        "turkish-daily-2",
        "s400",
        file="articles/turkish-daily-2.txt",
        quotes=(
            _q(
                "confirmed the country’s place as an indispensable partner in one of the "
                "world’s most advanced defence programmes",
                "officials",
                A,
            ),
            _q(
                "changes nothing about Ankara’s decision to buy Russia’s S-400 air defence system",
                "officials",
                A,
            ),
            _q("The F-35 is not a favour anyone is doing for us", "Murat Erkan", D),
            _q(
                "Turkish engineers build pieces of this aircraft. We are part of it, and it is "
                "part of us.",
                "Murat Erkan",
                D,
            ),
            _q(
                "We will fly the F-35 and we will deploy the S-400",
                "a senior defence official",
                A,
            ),
            _q(
                "Both decisions were taken by Türkiye, for Türkiye’s needs, and neither is open "
                "to negotiation with third parties.",
                "a senior defence official",
                A,
            ),
            _q(
                "the deal, which Ankara hopes will lead to co-production and technology sharing "
                "in later stages, is a cornerstone of the country’s drive to end its dependence "
                "on foreign suppliers",
                "Officials",
                A,
            ),
            _q(
                "Turkey would answer any such step, and that the language of threats has never "
                "produced results with the Turkish nation",
                "Mevlüt Çavuşoğlu",
                IND,
            ),
            _q("as a major defence partner", "Washington", IND),
            _q("for room to spare New Delhi from sanctions", "the U.S. administration", IND),
            _q(
                "When India buys the S-400, Washington looks for a waiver. When Türkiye buys "
                "it, Washington looks for a punishment",
                "Serkan Yıldız",
                D,
            ),
            _q(
                "What explains the difference, if not a wish to keep Ankara in line?",
                "Serkan Yıldız",
                D,
            ),
            _q(
                "Turkey’s Western partners had yet to come to terms with a country that sets "
                "its own priorities",
                "Serkan Yıldız",
                IND,
            ),
            _q("Our alliance with the West", "Serkan Yıldız", D),
            _q("was never a contract of submission.", "Serkan Yıldız", D),
            _q(
                "Ankara had tried for years to acquire long-range air defence from its allies, "
                "only to be met with high prices, conditions and a refusal to share technology",
                "Serkan Yıldız",
                IND,
            ),
            _q("The decision to buy from Russia", "Serkan Yıldız", IND),
            _q("was the natural result of those years of closed doors", "Serkan Yıldız", IND),
            _q("The S-400", "Defence officials", A),
            _q(
                "will be operated by Turkish personnel under Turkish command, and Türkiye’s "
                "obligations to its partners will be respected as they always have been",
                "Defence officials",
                A,
            ),
            _q(
                "Türkiye’s airspace will be defended by the means Türkiye chooses",
                "a senior defence official",
                A,
            ),
            _q(
                "The days when others decided that for us are over.", "a senior defence official", A
            ),
        ),
    ),
    GoldPassage(
        "indian-business-1",
        "s400",
        file="articles/indian-business-1.txt",
        quotes=(
            _q(
                "Our decisions on defence acquisitions are taken on the basis of our national "
                "security requirements and nothing else",
                "a senior defence ministry official",
                A,
            ),
            _q(
                "We have explained our position to our American friends, and we believe they "
                "understand it.",
                "a senior defence ministry official",
                A,
            ),
            _q(
                "India remains committed to all its defence agreements with Russia, including "
                "the S-400",
                "India’s ambassador in Moscow",
                IND,
            ),
            _q(
                "Russia supplied 62 per cent of India’s arms imports in 2013–2017",
                "Stockholm International Peace Research Institute",
                IND,
            ),
            _q("Strategic autonomy is not a slogan; it is insurance", "Kavita Raghunathan", D),
            _q(
                "India cannot afford to put all its eggs in one basket when it faces two hostile "
                "neighbours on its borders.",
                "Kavita Raghunathan",
                D,
            ),
            _q("reach up to 400 km", "the manufacturer", IND),
            _q("The S-400", "Harjeet Sandhu", D),
            _q(
                "gives us a shield that reaches deep enough to change an adversary’s calculations.",
                "Harjeet Sandhu",
                D,
            ),
            _q(
                "no Western supplier had offered a comparable system on terms India could accept",
                "Harjeet Sandhu",
                IND,
            ),
            _q(
                "to give the administration flexibility to waive sanctions for partners such as "
                "India",
                "Jim Mattis",
                IND,
            ),
            _q(
                "the administration was working closely with Congress on the issue",
                "A U.S. official in New Delhi",
                A,
            ),
            _q("only as unavoidable", "Washington", IND),
            _q("the system is incompatible with alliance networks", "Washington", IND),
            _q(
                "a dollar-denominated payment could expose Indian lenders to American sanctions",
                "Bankers",
                A,
            ),
            _q("The money question is as important as the missiles", "Rohan Kapadia", D),
            _q(
                "If dollars cannot move, the rupee–rouble route becomes the path of least "
                "resistance. Both countries have settled trade that way before.",
                "Rohan Kapadia",
                D,
            ),
            _q(
                "Partnership with America and friendship with Russia are not contradictions",
                "Kavita Raghunathan",
                D,
            ),
            _q("Managing both is simply the job.", "Kavita Raghunathan", D),
        ),
    ),
    GoldPassage(
        "eu-thinktank-1",
        "s400",
        file="articles/eu-thinktank-1.txt",
        quotes=(
            _q(
                "A range figure in a brochure is a best case measured against a cooperative target",
                "Lukas Brenner",
                D,
            ),
            _q(
                "Against a small, low-flying missile, the useful envelope may be a fraction of "
                "that. Neither number is wrong; they simply answer different questions.",
                "Lukas Brenner",
                D,
            ),
            _q(
                "the system can engage ballistic targets travelling at up to 4.8 km per second, "
                "which would put short-range and some medium-range missiles within reach",
                "Russian sources",
                A,
            ),
            _q("the “stealth killer” label as marketing", "Many Western analysts", A),
            _q("the system was designed with such targets in mind", "Russian officials", A),
            _q("You can build a bridge between the two worlds", "Anke Vogel", D),
            _q(
                "but every bridge is also a door. The question is who gets to walk through it.",
                "Anke Vogel",
                D,
            ),
            _q("the S-400 is incompatible with NATO systems", "U.S. officials", A),
            _q(
                "a battery operating near F-35s could record how the aircraft appears to its "
                "radars, building a library of data that might help defeat it",
                "U.S. officials",
                A,
            ),
            _q(
                "From an engineering standpoint the concern is legitimate, but it is not binary",
                "a NATO official",
                A,
            ),
            _q("It depends on arrangements we have not yet seen.", "a NATO official", A),
            _q(
                "it hopes for technology transfer and co-production in later phases",
                "Turkey",
                IND,
            ),
        ),
    ),
)


PASSAGES: tuple[GoldPassage, ...] = (
    # -- AP style, straight and curly double quotes ------------------------------------------
    GoldPassage(
        "ap-trailing",
        "ap",
        text='"The bridge will open in May," Mayor Ruth Okafor said Tuesday.',
        quotes=(_q("The bridge will open in May", "Ruth Okafor", D),),
    ),
    GoldPassage(
        "ap-inverted",
        "inverted",
        text=(
            "“Nobody expected the vote to be this close,” said Tomasz Wielgosz, a pollster "
            "at a Warsaw research firm. “Both camps will claim it.”"
        ),
        quotes=(
            _q("Nobody expected the vote to be this close", "Tomasz Wielgosz", D),
            _q("Both camps will claim it.", "Tomasz Wielgosz", D),
        ),
    ),
    GoldPassage(
        "ap-surname",
        "ap",
        text=(
            "Harbour commissioner Delia Marchetti has run the port for a decade.\n\n"
            "“We lost three ships to the storm,” Marchetti said. “We will not lose a fourth.”\n\n"
            "Later, Ms. Marchetti added that insurance would cover most of the damage."
        ),
        quotes=(
            _q("We lost three ships to the storm", "Delia Marchetti", D),
            _q("We will not lose a fourth.", "Delia Marchetti", D),
            _q("insurance would cover most of the damage", "Delia Marchetti", IND),
        ),
    ),
    GoldPassage(
        "ap-pronoun",
        "pronoun",
        text=(
            "Farmer Ansel Brökmann watched the river rise all night. “I have never seen water "
            "like this,” he said. By morning, he told reporters, the lower fields were gone."
        ),
        quotes=(
            _q("I have never seen water like this", "Ansel Brökmann", D),
            _q("By morning", "Ansel Brökmann", IND),
            _q("the lower fields were gone", "Ansel Brökmann", IND),
        ),
    ),
    GoldPassage(
        "broken-quote",
        "broken",
        text="Minister Lorna Vey spoke last. “We will buy it,” she said, “whatever happens.”",
        quotes=(
            _q("We will buy it", "Lorna Vey", D),
            _q("whatever happens.", "Lorna Vey", D),
        ),
    ),
    GoldPassage(
        "broken-quote-named",
        "broken",
        text=(
            "Finance Minister Lorna Vey was asked about the jets. “We will buy it,” Vey said, "
            "“whatever happens.”"
        ),
        quotes=(
            _q("We will buy it", "Lorna Vey", D),
            _q("whatever happens.", "Lorna Vey", D),
        ),
    ),
    GoldPassage(
        "broken-inverted",
        "broken",
        text=(
            '"The plan," said Councillor Ibrahim Sesay, "was never about the money. It was '
            'about the park."'
        ),
        quotes=(
            _q("The plan", "Ibrahim Sesay", D),
            _q("was never about the money. It was about the park.", "Ibrahim Sesay", D),
        ),
    ),
    GoldPassage(
        "multi-paragraph",
        "multi-paragraph",
        text=(
            "Coach Marisol Etxeberria did not hide her anger after the match.\n\n"
            "“We gave away two goals in ten minutes. That cannot happen at this level.\n\n"
            "“The players know it. I know it. Next week we fix it,” Etxeberria said."
        ),
        quotes=(
            _q(
                "We gave away two goals in ten minutes. That cannot happen at this level.",
                "Marisol Etxeberria",
                D,
            ),
            _q("The players know it. I know it. Next week we fix it", "Marisol Etxeberria", D),
        ),
    ),
    GoldPassage(
        "multi-paragraph-straight",
        "multi-paragraph",
        text=(
            'Engineer Paulo Ferreira-Lund said, "The tunnel is safe. We checked every joint.\n\n'
            '"What we cannot check is the traffic."'
        ),
        quotes=(
            _q("The tunnel is safe. We checked every joint.", "Paulo Ferreira-Lund", D),
            _q("What we cannot check is the traffic.", "Paulo Ferreira-Lund", D),
        ),
    ),
    GoldPassage(
        "colon-intro",
        "colon",
        text=(
            'The chairwoman, Agnieszka Brandt, put it plainly: "The budget is gone and '
            'nobody can tell me where."'
        ),
        quotes=(_q("The budget is gone and nobody can tell me where.", "Agnieszka Brandt", D),),
    ),
    GoldPassage(
        "quote-in-quote",
        "nested",
        text=(
            "“He looked at me and said ‘never again,’ and then he left the room,” said "
            "Rosalind Achterberg, the band’s former manager."
        ),
        quotes=(
            _q(
                "He looked at me and said ‘never again,’ and then he left the room",
                "Rosalind Achterberg",
                D,
            ),
        ),
    ),
    GoldPassage(
        "question-quote",
        "ap",
        text="“Who pays for the repairs?” asked Senator Hal Brinkerhoff. Nobody answered him.",
        quotes=(_q("Who pays for the repairs?", "Hal Brinkerhoff", D),),
    ),
    # -- British style: single quotes ----------------------------------------------------------
    GoldPassage(
        "british-trailing",
        "british",
        text=(
            "‘The talks are over for this year,’ said a source close to the negotiations. "
            "‘Nobody wants to admit it yet.’"
        ),
        quotes=(
            _q("The talks are over for this year", "a source close to the negotiations", A),
            _q("Nobody wants to admit it yet.", "a source close to the negotiations", A),
        ),
    ),
    GoldPassage(
        "british-named",
        "british",
        text=(
            "Health Secretary Imogen Thwaite defended the plan. ‘Waiting lists are falling,’ "
            "Ms Thwaite told the Commons, ‘and they will keep falling.’"
        ),
        quotes=(
            _q("Waiting lists are falling", "Imogen Thwaite", D),
            _q("and they will keep falling.", "Imogen Thwaite", D),
        ),
    ),
    GoldPassage(
        "british-straight-single",
        "british",
        text="'We are not for sale,' the club's owner, Gareth Pryce-Jones, said on Saturday.",
        quotes=(_q("We are not for sale", "Gareth Pryce-Jones", D),),
    ),
    GoldPassage(
        "british-nested",
        "british",
        text=(
            "‘They called it “a rescue”, but it was a takeover,’ said union organiser Maeve "
            "Donnelly."
        ),
        quotes=(_q("They called it “a rescue”, but it was a takeover", "Maeve Donnelly", D),),
    ),
    # -- indirect speech ---------------------------------------------------------------------
    GoldPassage(
        "indirect-that",
        "indirect",
        text=(
            "Transport Minister Olufemi Adeyemi said that the new line would open in 2026. "
            "Opposition leader Kristin Haugland has argued that the cost will double."
        ),
        quotes=(
            _q("the new line would open in 2026", "Olufemi Adeyemi", IND),
            _q("the cost will double", "Kristin Haugland", IND),
        ),
    ),
    GoldPassage(
        "indirect-no-that",
        "indirect",
        text="Police Chief Dana Whitlock said the road would stay closed until Friday.",
        quotes=(_q("the road would stay closed until Friday", "Dana Whitlock", IND),),
    ),
    GoldPassage(
        "indirect-told",
        "told",
        text=(
            "Mikael Sundqvist told reporters on Monday that the factory had enough orders "
            "for two years. He told the local radio station the hiring would start soon."
        ),
        quotes=(
            _q("the factory had enough orders for two years", "Mikael Sundqvist", IND),
            _q("the hiring would start soon", "Mikael Sundqvist", IND),
        ),
    ),
    GoldPassage(
        "indirect-warned-insisted",
        "indirect",
        text=(
            "The governor, Beatriz Salcedo, warned that the reservoirs were at a record low. "
            "Her rival, Tomas Irujo, insisted that there was no shortage at all."
        ),
        quotes=(
            _q("the reservoirs were at a record low", "Beatriz Salcedo", IND),
            _q("there was no shortage at all", "Tomas Irujo", IND),
        ),
    ),
    GoldPassage(
        "according-to-lead",
        "according",
        text=(
            "According to the health ministry, 4,000 people were vaccinated in the first week. "
            "The campaign will last a month."
        ),
        quotes=(
            _q(
                "4,000 people were vaccinated in the first week",
                "the health ministry",
                IND,
            ),
        ),
    ),
    GoldPassage(
        "according-to-trail",
        "according",
        text=(
            "Economist Lena Vukovic expects a slowdown. Prices rose by 3 percent last month, "
            "according to Vukovic."
        ),
        quotes=(_q("Prices rose by 3 percent last month", "Lena Vukovic", IND),),
    ),
    GoldPassage(
        "trailing-indirect",
        "trailing",
        text=(
            "The border will reopen next week, the minister said. The decision follows two "
            "months of talks, said Jorge Albarracín, the chief negotiator."
        ),
        quotes=(
            _q("The border will reopen next week", "the minister", IND),
            _q("The decision follows two months of talks", "Jorge Albarracín", IND),
        ),
    ),
    GoldPassage(
        "participle",
        "participle",
        text=(
            "Mayor Ingrid Solheim defended the budget on Tuesday, arguing that the city could "
            "not afford more cuts."
        ),
        quotes=(_q("the city could not afford more cuts", "Ingrid Solheim", IND),),
    ),
    GoldPassage(
        "parenthetical",
        "parenthetical",
        text=(
            "Carmen Oyelaran runs the shelter. The shortage of beds, she said, was the worst "
            "in a decade."
        ),
        quotes=(
            _q("The shortage of beds", "Carmen Oyelaran", IND),
            _q("was the worst in a decade", "Carmen Oyelaran", IND),
        ),
    ),
    # -- anonymous sources -------------------------------------------------------------------
    GoldPassage(
        "anonymous-officials",
        "anonymous",
        text=(
            "Officials said the ceasefire was holding. Diplomats say the next round of talks "
            "could begin in March."
        ),
        quotes=(
            _q("the ceasefire was holding", "Officials", A),
            _q("the next round of talks could begin in March", "Diplomats", A),
        ),
    ),
    GoldPassage(
        "anonymous-familiar",
        "anonymous",
        text=(
            "A source familiar with the talks said the two sides were close to a deal. "
            "A senior defence ministry official told the newspaper that the contract was ready."
        ),
        quotes=(
            _q("the two sides were close to a deal", "A source familiar with the talks", A),
            _q("the contract was ready", "A senior defence ministry official", A),
        ),
    ),
    GoldPassage(
        "anonymous-direct",
        "anonymous",
        text=(
            "“The numbers simply do not add up,” a European diplomat said, speaking on "
            "condition of anonymity. “Everyone in the room knew it.”"
        ),
        quotes=(
            _q("The numbers simply do not add up", "a European diplomat", A),
            _q("Everyone in the room knew it.", "a European diplomat", A),
        ),
    ),
    GoldPassage(
        "anonymous-apposition",
        "anonymous",
        text=(
            "A senior official, who asked not to be named because the talks were private, "
            "said the offer had been withdrawn. The official said the buyers had walked away."
        ),
        quotes=(
            _q("the offer had been withdrawn", "A senior official", A),
            _q("the buyers had walked away", "A senior official", A),
        ),
    ),
    GoldPassage(
        "mixed-article",
        "mixed",
        text=(
            "CAIRO — Egypt will double its wheat reserves this year, Supply Minister Hany "
            "Abdel-Rahim said on Sunday.\n\n"
            "“We learned from the last crisis,” Abdel-Rahim told a news conference. “Bread "
            "is not a luxury.”\n\n"
            "Traders say the purchases could push prices higher. According to customs data, "
            "imports rose 12 percent in the first quarter.\n\n"
            "Mr. Abdel-Rahim insisted that the plan would not strain the budget."
        ),
        quotes=(
            _q("Egypt will double its wheat reserves this year", "Hany Abdel-Rahim", IND),
            _q("We learned from the last crisis", "Hany Abdel-Rahim", D),
            _q("Bread is not a luxury.", "Hany Abdel-Rahim", D),
            _q("the purchases could push prices higher", "Traders", A),
            _q("imports rose 12 percent in the first quarter", "customs data", IND),
            _q("the plan would not strain the budget", "Hany Abdel-Rahim", IND),
        ),
    ),
    GoldPassage(
        "two-speakers",
        "ap",
        text=(
            '"This is a good day for the city," said Mayor Fenella Roycroft. Her opponent, '
            'Dario Castellucci, disagreed. "It is a good day for the developers," he said.'
        ),
        quotes=(
            _q("This is a good day for the city", "Fenella Roycroft", D),
            _q("It is a good day for the developers", "Dario Castellucci", D),
        ),
    ),
    # -- hard negatives: no quotes -------------------------------------------------------------
    GoldPassage(
        "scare-quotes-double",
        "negative",
        text=(
            'The company calls the layoffs a "restructuring". Critics of the "reform" were '
            "not consulted."
        ),
        quotes=(),
    ),
    GoldPassage(
        "scare-quotes-single",
        "negative",
        text="The so-called ‘peace dividend’ never arrived, and the ‘new normal’ stayed.",
        quotes=(),
    ),
    GoldPassage(
        "book-title",
        "negative",
        text=(
            "Her third novel, “The Salt Orchard”, sold well. The film “Night Train to "
            "Odessa” opens in June."
        ),
        quotes=(),
    ),
    GoldPassage(
        "long-title",
        "negative",
        text=(
            "The report, titled “How Alliances End: Lessons From Four Decades Of Crisis”, "
            "runs to 300 pages."
        ),
        quotes=(),
    ),
    GoldPassage(
        "quoted-word",
        "negative",
        text='The word "sovereignty" appears 14 times in the speech, "security" only twice.',
        quotes=(),
    ),
    GoldPassage(
        "headline",
        "negative",
        text=(
            "Yesterday's front page ran the headline “Storm Hits Coast”. The paper sold "
            "out by noon."
        ),
        quotes=(),
    ),
    GoldPassage(
        "apostrophes",
        "negative",
        text=(
            "The workers' union rejected Monday's offer; the drivers' strike, the city's "
            "third this year, goes on."
        ),
        quotes=(),
    ),
    GoldPassage(
        "no-speech",
        "negative",
        text=(
            "The ministry has added two trains to the timetable. Claims for damages rose "
            "sharply, and the state declined to comment."
        ),
        quotes=(),
    ),
)


ALL: tuple[GoldPassage, ...] = S400 + PASSAGES
