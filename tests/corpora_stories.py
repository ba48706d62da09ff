"""Two small fictional stories for the automatic story-grouping tests.

Why they exist: the bundled S-400 corpus is a single story, so it cannot show that grouping
splits a mixed corpus back into its stories. These stories were written for this project (no
sentence comes from any real outlet); the outlets, ports, banks and people are invented. They are
dated in June and July 2018, the same weeks as the S-400 coverage, so only their text (not their
dates) can tell them apart from it.

Each record uses the loader's fields (``id``, ``outlet``, ``title``, ``date``, ``text``) and
``story`` holds the answer the grouping must find, so tests can strip it and compare.
"""

from __future__ import annotations

PORT_STRIKE = "port-strike"
RATE_DECISION = "rate-decision"

STORIES: tuple[dict[str, str], ...] = (
    # --- A dockworkers' strike at the (fictional) port of Velmora -------------------------------
    {
        "id": "port-harbour-ledger-1",
        "outlet": "Harbour Ledger",
        "title": "Velmora dockworkers walk out as container queue grows",
        "date": "2018-06-11",
        "story": PORT_STRIKE,
        "text": (
            "VELMORA — Dockworkers at the port of Velmora stopped work at dawn on Monday, "
            "leaving cranes idle at all four container terminals and ships anchored in a queue "
            "that stretched beyond the breakwater by midday.\n\n"
            "The Velmora Dockers' Union called the strike after talks with the Port Employers' "
            "Association broke down over shift rosters and a pay offer of 2.5 percent, which "
            "union negotiators described as a cut once inflation is counted.\n\n"
            '"Our members have worked double shifts through two winters to keep the terminals '
            'moving," said Marta Ilievska, the union\'s general secretary. "They are asking for '
            'a roster they can plan a life around, and a wage that keeps pace with prices."\n\n'
            "The employers said the offer was the best the terminals could afford while they pay "
            "for new automated stacking cranes. A spokesman, Pavel Drozen, said the association "
            "remained ready to return to the table at any hour.\n\n"
            "Port officials counted fourteen container ships waiting at anchor by the afternoon. "
            "Freight forwarders warned that reefer cargo, mostly fruit and frozen fish, could "
            "spoil if the stoppage lasts beyond the weekend. The union has said the strike will "
            "continue until the employers table a new offer."
        ),
    },
    {
        "id": "port-northern-courier-1",
        "outlet": "Northern Courier",
        "title": "Strike at Velmora port: who pays when the cranes stop",
        "date": "2018-06-12",
        "story": PORT_STRIKE,
        "text": (
            "For the families who live in the terraces above the Velmora docks, the strike that "
            "began on Monday is not an abstraction. Many have a father, a daughter or a cousin on "
            "the picket line at the container terminals.\n\n"
            '"I load ships for twenty-two years and my son cannot rent a flat in this town," '
            'said Goran Petek, a crane operator standing by the gate of Terminal Two. "We did '
            'not want a strike. The employers wanted one."\n\n'
            "The Velmora Dockers' Union says the roster system introduced last year gives "
            "workers less than two days' notice of their shifts. The Port Employers' Association "
            "says flexible rosters were agreed in the last contract and are needed to compete "
            "with larger ports along the coast.\n\n"
            "Shopkeepers near the port said trade had already slowed. Lorry drivers, idle in a "
            "line outside the terminals, said they were paid by the load and had earned nothing "
            "since the dockworkers walked out.\n\n"
            "Marta Ilievska, who leads the union, told a rally on the quay that the strike would "
            "last as long as it had to. Her members cheered. A few metres away, the queue of "
            "container ships at anchor kept growing."
        ),
    },
    {
        "id": "port-freight-weekly-1",
        "outlet": "Continental Freight Weekly",
        "title": "Carriers divert Velmora calls as dock strike enters its third day",
        "date": "2018-06-13",
        "story": PORT_STRIKE,
        "text": (
            "Two of the largest container lines serving the Velmora port have begun diverting "
            "ships to neighbouring harbours as the dockworkers' strike enters its third day, "
            "according to schedules published by the carriers on Wednesday.\n\n"
            "Analysts at a shipping consultancy estimated that about 38,000 TEU of container "
            "capacity was waiting at anchor or had been rerouted, and that terminal throughput "
            "had fallen to almost nothing since Monday. Spot rates for reefer boxes into the "
            "region rose sharply.\n\n"
            '"Every day of the strike adds roughly two days of congestion once the cranes '
            'restart," said one freight forwarder, who asked not to be named. "Shippers with '
            'perishable cargo are already booking space through other ports."\n\n'
            "The Port Employers' Association said it had offered the Velmora Dockers' Union "
            "talks under a mediator. The union said it would accept mediation only if the "
            "employers withdrew the disputed shift rosters first.\n\n"
            "Velmora handled 1.9 million TEU last year, and the stoppage comes as the terminals "
            "are part-way through installing automated stacking cranes, a project the employers "
            "say depends on keeping costs under control."
        ),
    },
    {
        "id": "port-market-wire-1",
        "outlet": "Tessaly Market Wire",
        "title": "Velmora strike ends with mediated deal on rosters and pay",
        "date": "2018-06-16",
        "story": PORT_STRIKE,
        "text": (
            "VELMORA (TMW) — Dockworkers at the port of Velmora will return to the container "
            "terminals on Sunday night after their union and the employers reached a mediated "
            "agreement on shift rosters and pay, ending a five-day strike.\n\n"
            "Under the deal, shifts will be published at least seven days ahead and pay will "
            "rise by 3.8 percent this year and 3 percent next year, according to a joint "
            "statement from the Velmora Dockers' Union and the Port Employers' Association.\n\n"
            '"This is a fair outcome that gives our members certainty," union leader Marta '
            "Ilievska said. Pavel Drozen, speaking for the employers, said the agreement "
            "protected the investment in automated stacking cranes.\n\n"
            "Port officials said about twenty container ships remained at anchor and that "
            "clearing the queue would take at least ten days. Carriers that diverted calls "
            "during the strike said they would resume their normal schedules next week.\n\n"
            "Freight forwarders welcomed the end of the dispute but said the stoppage had cost "
            "shippers dearly, particularly those moving reefer cargo."
        ),
    },
    {
        "id": "port-civic-voice-1",
        "outlet": "Civic Voice",
        "title": "Opinion: the Velmora dock strike was a warning about automation",
        "date": "2018-06-18",
        "story": PORT_STRIKE,
        "text": (
            "The dockworkers of Velmora are back on the cranes, and the container queue outside "
            "the breakwater is shrinking. It would be easy to file the five-day strike under "
            "ordinary wage disputes. That would miss its point.\n\n"
            "What the Velmora Dockers' Union fought over was not only a pay rise but control of "
            "time. Rosters announced two days ahead made it impossible for workers to plan "
            "childcare, study or rest. The new deal's seven days of notice is a modest gain that "
            "should never have required a strike.\n\n"
            "Behind the roster dispute lies automation. The Port Employers' Association is "
            "spending heavily on automated stacking cranes and wants a smaller, more flexible "
            "workforce around them. Nobody at the port opposes new machines. Dockworkers ask "
            "only that the savings are shared, and that the people who kept the terminals open "
            "through hard years are not treated as a cost to be trimmed.\n\n"
            "Other ports along the coast are watching. If employers learn from Velmora, the next "
            "roster will be negotiated before it is imposed."
        ),
    },
    # --- A rate decision by the (fictional) National Bank of Estravia ---------------------------
    {
        "id": "rate-capital-dispatch-1",
        "outlet": "Capital Markets Dispatch",
        "title": "National Bank of Estravia raises key rate to 4.25% to fight inflation",
        "date": "2018-07-05",
        "story": RATE_DECISION,
        "text": (
            "The National Bank of Estravia raised its benchmark interest rate by half a "
            "percentage point to 4.25 percent on Thursday, its largest increase in six years, "
            "saying inflation was proving more persistent than it had forecast.\n\n"
            "Consumer prices rose 5.1 percent in the year to May, well above the bank's target "
            "of 2 percent, driven by fuel, food and rents. The monetary policy committee voted "
            "five to two for the increase; the two dissenters preferred a quarter-point move.\n\n"
            '"Inflation expectations must stay anchored," Governor Ilona Varga told reporters '
            'after the decision. "The committee will do what is necessary to bring inflation '
            'back to target, and further tightening cannot be ruled out."\n\n'
            "The estra strengthened about 0.8 percent against the euro after the announcement, "
            "and yields on two-year government bonds rose. Most economists polled before the "
            "meeting had expected a smaller increase.\n\n"
            "The bank also lowered its growth forecast for this year to 1.9 percent from 2.4 "
            "percent, citing weaker exports and higher borrowing costs."
        ),
    },
    {
        "id": "rate-peoples-tribune-1",
        "outlet": "People's Tribune",
        "title": "Mortgage holders brace for higher payments after rate rise",
        "date": "2018-07-06",
        "story": RATE_DECISION,
        "text": (
            "Families with variable-rate mortgages will pay more from next month after the "
            "National Bank of Estravia raised its key interest rate to 4.25 percent, the third "
            "increase this year.\n\n"
            "A household with a typical mortgage of 120,000 estras will pay around 45 estras "
            'more each month, according to calculations by a consumer association. "People are '
            'already choosing between heating and groceries," said Dana Mirek, a debt adviser '
            'in the capital. "This rate rise lands on the same households that inflation has '
            'hit hardest."\n\n'
            "Governor Ilona Varga said the bank had no choice while inflation stood above 5 "
            "percent, and that letting prices rise unchecked would hurt poorer families most. "
            "Trade unions said the central bank was fighting inflation on the backs of workers "
            "whose wages had not kept up.\n\n"
            "Opposition lawmakers called on the government to extend help for low-income "
            "borrowers. The finance ministry said it would study the monetary policy committee's "
            "decision and respond in its autumn budget."
        ),
    },
    {
        "id": "rate-meridian-review-1",
        "outlet": "Meridian Economic Review",
        "title": "Why Estravia's central bank chose a half-point increase",
        "date": "2018-07-09",
        "story": RATE_DECISION,
        "text": (
            "The National Bank of Estravia surprised markets last week with a half-point "
            "increase in its key interest rate, to 4.25 percent. The minutes of the monetary "
            "policy committee, published on Monday, show why the majority chose the larger "
            "move.\n\n"
            "Core inflation, which strips out fuel and food, rose to 4.2 percent, and the "
            "committee saw signs that firms were passing higher wage costs on to customers. "
            "Members feared that a quarter-point step would be read as a lack of resolve and "
            "would let inflation expectations drift upward.\n\n"
            "The two dissenters argued that earlier increases had not yet worked through to "
            "borrowing costs, and that the bank risked tightening into a slowdown. The bank's "
            "own forecast now puts growth at 1.9 percent this year.\n\n"
            '"The central bank has bought credibility at the cost of some growth," said Tomas '
            'Hrubec, an economist at a university in the capital. "Whether it was worth it '
            'depends on how quickly inflation falls back toward target."\n\n'
            "Markets now price one more increase before the end of the year."
        ),
    },
    {
        "id": "rate-harbour-ledger-1",
        "outlet": "Harbour Ledger",
        "title": "Exporters warn stronger estra will hurt orders after rate rise",
        "date": "2018-07-10",
        "story": RATE_DECISION,
        "text": (
            "Manufacturers and exporters warned on Tuesday that last week's interest rate "
            "increase by the National Bank of Estravia would make their goods dearer abroad, "
            "as the estra climbed to its strongest level against the euro in two years.\n\n"
            "The central bank raised its key rate by half a point to 4.25 percent to fight "
            "inflation of 5.1 percent. The estra has gained about 2 percent since the decision.\n\n"
            '"Our margins on export orders are thin already," said Viktor Sal, who chairs an '
            'association of machinery exporters. "A stronger currency and dearer credit in the '
            'same month is a hard combination for firms that borrow to fill large orders."\n\n'
            "Economists said the currency's rise would help the bank by making imported fuel "
            "and food cheaper, which would pull inflation down faster. Governor Ilona Varga has "
            "said the monetary policy committee watches the exchange rate but does not target "
            "it.\n\n"
            "Exports fell 1.2 percent in the first quarter, and the bank expects weaker growth "
            "this year."
        ),
    },
)
