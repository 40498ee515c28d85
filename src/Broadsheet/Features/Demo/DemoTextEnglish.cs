namespace Broadsheet.Features.Demo;

public static class DemoTextEnglish
{
    public static readonly DemoText Text = new()
    {
        PublicationName = "The Morning Broadsheet",
        Tagline = "News, analysis and opinion, every day",
        TimeZoneLabel = "Moscow time",
        CommentRules = "No insults, no extremism, no fakes, no links to third-party sites. The administration may delete comments and block accounts without prior notice.",
        CommentNotice = "Comments are moderated. Please keep to the rules.",
        Rubrics =
        [
            ("Politics", "Parliament, government and the people who run them."),
            ("Economy", "Markets, budgets, jobs and prices."),
            ("World", "News from abroad."),
            ("Society", "Schools, hospitals, transport and the life of cities."),
            ("Science", "Research, discoveries and technology."),
            ("Culture", "Theatre, books, film and music."),
            ("Sport", "Results, transfers and interviews."),
            ("Author column", "Opinion pieces by our columnists."),
        ],
        Authors =
        [
            ("Helen Marsh", "Columnist. Has written about public life for twenty years."),
            ("Daniel Okafor", "Columnist on economics and city budgets."),
            ("Irina Volkova", "Columnist; former foreign correspondent in Vienna and Prague."),
            ("Tom Weller", "Political correspondent."),
            ("Sara Lindqvist", "Science editor."),
            ("Marco Bellini", "Culture reporter covering theatre and film."),
            ("Priya Nair", "Economics correspondent."),
            ("James Hartley", "Sports reporter."),
            ("Anna Kowalska", "Society desk; transport and housing."),
            ("Lucas Moreau", "World desk editor."),
        ],
        Tags =
        [
            "Elections", "Budget", "Transport", "Housing", "Schools", "Healthcare", "Energy", "Climate", "Trade", "Taxes",
            "Parliament", "Local government", "Courts", "Railways", "Aviation", "Space", "Medicine", "Technology", "Internet", "Startups",
            "Theatre", "Cinema", "Books", "Music", "Museums", "Football", "Hockey", "Tennis", "Athletics", "Olympics",
            "Weather", "Agriculture", "Tourism", "Employment", "Pensions", "Inflation",
            "Выборы", "Экономика", "Культура", "Наука", "Спорт", "Город",
        ],
        Cities = ["London", "Berlin", "Paris", "Madrid", "Rome", "Vienna", "Warsaw", "Prague", "Helsinki", "Oslo", "Lisbon", "Athens", "Moscow", "Kazan"],
        Headlines =
        [
            [
                "{0}: council approves the budget for next year after a long debate",
                "{0}: parliament committee begins hearings on the new election law",
                "{0}: mayor announces a reshuffle of the city administration",
                "{0}: turnout in local elections reaches a ten-year high",
                "{0}: ministers agree on a plan to simplify public services",
                "{0}: opposition deputies propose an open register of lobbyists",
                "{0}: regional assembly votes to publish all its sessions online",
                "{0}: coalition talks continue into a second week",
            ],
            [
                "{0}: small businesses report a rise in orders for the third month",
                "{0}: central bank leaves the key rate unchanged",
                "{0}: new logistics hub promises two thousand jobs",
                "{0}: food prices steady as harvest exceeds forecasts",
                "{0}: city bonds find buyers faster than expected",
                "{0}: energy tariffs to be reviewed in spring",
                "{0}: exporters look to new markets as demand shifts",
                "{0}: pension fund publishes its annual results",
            ],
            [
                "{0}: summit ends with a joint statement on trade",
                "{0}: foreign ministers meet to discuss river shipping rules",
                "{0}: neighbouring countries agree to reopen a border crossing",
                "{0}: international exhibition draws record crowds",
                "{0}: delegation arrives for talks on research cooperation",
                "{0}: new rail link to connect two capitals by 2030",
                "{0}: climate conference sets out timetable for next steps",
                "{0}: embassy extends opening hours for visa applicants",
            ],
            [
                "{0}: three new schools open ahead of the school year",
                "{0}: tram network to run through the night at weekends",
                "{0}: city hospital gets a new emergency department",
                "{0}: volunteers clean up twelve kilometres of riverbank",
                "{0}: residents vote on the design of a new park",
                "{0}: libraries extend opening hours during exams",
                "{0}: bicycle lanes to be added on five main streets",
                "{0}: housing programme reaches its first thousand flats",
            ],
            [
                "{0}: astronomers find a pair of unusually close stars",
                "{0}: university lab develops a cheaper water filter",
                "{0}: researchers map the city's underground rivers",
                "{0}: new telescope sends its first images",
                "{0}: engineers test a quieter electric bus",
                "{0}: study finds a link between sleep and memory",
                "{0}: students build a satellite the size of a shoebox",
                "{0}: geologists date the oldest rocks in the region",
            ],
            [
                "{0}: drama theatre opens its season with a new production",
                "{0}: film festival announces its competition programme",
                "{0}: museum restores a collection of old maps",
                "{0}: orchestra plays in the open air for the first time",
                "{0}: book fair focuses on translated fiction",
                "{0}: gallery shows the work of young photographers",
                "{0}: old cinema reopens after restoration",
                "{0}: poetry prize goes to a debut collection",
            ],
            [
                "{0}: home side wins the derby in extra time",
                "{0}: marathon attracts twenty thousand runners",
                "{0}: hockey club signs a new goalkeeper",
                "{0}: tennis tournament reaches the semi-finals",
                "{0}: national team names its squad for the autumn games",
                "{0}: new stadium passes its safety inspection",
                "{0}: junior athletes set three national records",
                "{0}: cycling race finishes in the old town square",
            ],
            [
                "Why the {0} budget debate matters more than it seems",
                "What {0} can learn from its own history",
                "The quiet success of {0}'s libraries",
                "Public transport in {0} deserves a long-term plan",
                "Letters from {0}: on the art of listening",
                "A city like {0} needs more trees, not more car parks",
                "In praise of the local newspaper in {0}",
                "{0} and the patience of reform",
            ],
        ],
        Leads =
        [
            "The decision followed months of consultation with residents and experts, and takes effect at the start of next month.",
            "Officials say the change will be felt first in the outer districts, where demand has grown fastest.",
            "The figures, published on Tuesday, were better than most analysts had expected.",
            "Organisers said interest had been strong from the first day, and more dates may be added.",
            "The proposal still needs final approval, but supporters say the votes are there.",
            "Experts welcomed the news but warned that the hardest part of the work is still ahead.",
            "It is the first such step in more than a decade, and it was taken with little controversy.",
            "Residents interviewed by our correspondent were cautiously optimistic about what comes next.",
        ],
        Sentences =
        [
            "The plan was presented at a public meeting attended by several hundred people.",
            "According to the report, the work will be carried out in three stages over the next two years.",
            "Critics argue that the timetable is too ambitious, while supporters point to similar projects elsewhere.",
            "The budget for the first stage has already been approved.",
            "Local officials said they would publish progress reports every quarter.",
            "Several independent experts reviewed the figures before they were released.",
            "The organisers thanked the volunteers who helped prepare the event.",
            "Questions from the audience focused on costs and on the effect on daily life.",
            "A spokesperson said further details would be announced next week.",
            "Similar measures were introduced in other cities last year, with mixed results.",
            "The committee will meet again at the end of the month to review the first results.",
            "Residents can send their comments through the city's website until the end of the consultation.",
            "The numbers show a steady improvement compared with the same period last year.",
            "Observers noted that the discussion was calmer than in previous years.",
            "The final report is expected to be published in the spring.",
            "Funding will come partly from the regional budget and partly from private partners.",
        ],
        Subheadings = ["What happens next", "The numbers", "Background", "What people say", "A closer look"],
        Quotes =
        [
            "We have listened carefully, and this plan reflects what people told us.",
            "It is a good start, but we will judge it by the results.",
            "Nobody expected the response to be this strong.",
            "The details matter more than the headlines.",
        ],
        Captions =
        [
            "The view from the old bridge in the early morning",
            "Hills outside the city after the first snow",
            "Fields near the river, photographed from the air",
            "The coast at low tide",
            "Evening light over the northern districts",
            "A valley on the road to the mountains",
        ],
        ElectionData = """
            The count, as the commission announced it:

            ```results
            title: City council election, share of the vote
            source: City election commission, all 212 polling stations counted
            as of: Sunday, 23:40
            unit: %
            Civic Alliance | 38.4 | #2f6db5
            Labour and Unions | 27.9 | #c0392b
            Greens for the City | 14.2 | #2e8b57
            Free Democrats | 9.6 | #e39b1b
            Others | 9.9
            ```

            ```chart
            title: Turnout through the day
            source: City election commission
            unit: %
            Time | Last election #8a8a8a | This election #2f6db5
            10:00 | 6.1 | 7.4
            12:00 | 15.8 | 18.9
            15:00 | 29.4 | 34.0
            18:00 | 41.7 | 47.2
            20:00 | 48.3 | 55.6
            ```

            https://www.youtube.com/watch?v=M7lc1UVf-VE
            """,
    };
}
