/// The page around every screen: header with the user and sign-out, main content, print-friendly styles.
enum Layout {
    static func page(title: String, user: CurrentUser?, csrf: String?, @HTMLBuilder content: () -> HTML) -> String {
        let body = HTML.element("html", [("lang", "zh-CN")]) {
            HTML.element("head") {
                HTML.element("meta", [("charset", "utf-8")])
                HTML.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                HTML.element("title") { "\(title) · 绩效" }
                HTML.element("style") { HTML.trusted(stylesheet) }
            }
            HTML.element("body") {
                HTML.element("header", [("class", "site")]) {
                    HTML.element("a", [("href", SiteURL.home.path), ("class", "brand")]) { "绩效 · 预算绩效管理" }
                    if user == nil {
                        HTML.element("nav") { HTML.element("a", [("href", SiteURL.publicIndex.path)]) { "公开的自评报告" } }
                    }
                    if let user {
                        HTML.element("nav") {
                            if !user.role.isAdministrator {
                                HTML.element("a", [("href", SiteURL.monitoringOverview.path)]) { "运行监控总览" }
                                HTML.element("a", [("href", SiteURL.comparison.path)]) { "部门比较" }
                                HTML.element("a", [("href", SiteURL.rectifications.path)]) { "整改清单" }
                            }
                            if user.role == .reviewer || user.role == .auditor {
                                HTML.element("a", [("href", SiteURL.spotCheck(year: nil).path)]) { "自评复核" }
                                HTML.element("a", [("href", SiteURL.results.path)]) { "结果应用" }
                            }
                            if user.role.readsAuditTrail {
                                HTML.element("a", [("href", SiteURL.audit.path)]) { "审计日志" }
                            }
                            if user.role == .admin { HTML.element("a", [("href", SiteURL.adminUsers.path)]) { "用户管理" } }
                            if user.role == .securityAdmin {
                                HTML.element("a", [("href", SiteURL.securityPolicy.path)]) { "安全策略" }
                            }
                            HTML.element("a", [("href", SiteURL.account.path), ("class", "who")]) {
                                "\(user.displayName)（\(user.role.chinese)）"
                            }
                            HTML.element("form", [("method", "post"), ("action", SiteURL.signOut.path)]) {
                                HTML.element("input", [("type", "hidden"), ("name", CSRF.field), ("value", csrf)])
                                HTML.element("button", [("type", "submit")]) { "退出" }
                            }
                        }
                    }
                }
                HTML.element("main", [], content)
            }
        }
        return "<!DOCTYPE html>\n" + body.rendered
    }

    /// The link back to a department-year's overview and the page's title, as sub-pages start.
    static func heading(_ title: String, code: String, name: String, year: Int) -> HTML {
        HTML.group {
            HTML.element("p") {
                HTML.element("a", [("href", SiteURL.year(code: code, year: year).path)]) { "← \(name) \(year) 年" }
            }
            HTML.element("h1") { title }
            returnNotes()
        }
    }

    /// The return notes that concern the page (``ReturnNotes``), as a notice under its title.
    static func returnNotes() -> HTML {
        HTML.group {
            let notes = ReturnNotes.current
            if !notes.isEmpty {
                HTML.element("div", [("class", "error returned"), ("role", "alert"), ("id", "return-notes")]) {
                    HTML.element("strong") { "审核退回的意见" }
                    HTML.element("ul") {
                        for note in notes { HTML.element("li") { "【\(note.round.chinese)】\(note.text)" } }
                    }
                }
            }
        }
    }

    /// A labelled figure in the overview cards.
    static func card(_ label: String, _ figure: String, id: String) -> HTML {
        HTML.element("div", [("class", "card")]) {
            HTML.element("div", [("class", "label")]) { label }
            HTML.element("div", [("class", "figure"), ("id", id)]) { figure }
        }
    }

    static let stylesheet: StaticString = """
    :root { --ink: #1d2330; --muted: #5b6474; --line: #d5dae3; --accent: #9b1c1c; --ok: #1f6f43; --warn: #9a5b00; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.6 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: var(--ink);
      background: #f6f7f9; }
    header.site { display: flex; justify-content: space-between; align-items: center; padding: 0.6rem 1.5rem;
      background: #fff; border-bottom: 3px solid var(--accent); }
    header.site nav { display: flex; gap: 1rem; align-items: center; }
    .brand { font-weight: 700; color: var(--accent); text-decoration: none; font-size: 1.15rem; }
    .who { color: var(--muted); }
    main { max-width: 1200px; margin: 1.5rem auto; padding: 0 1.5rem; }
    h1 { font-size: 1.5rem; margin: 0 0 1rem; }
    h2 { font-size: 1.15rem; margin: 1.5rem 0 0.6rem; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 1rem; }
    .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; }
    .card .label { color: var(--muted); font-size: 0.9rem; }
    .card .figure { font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    table { width: 100%; border-collapse: collapse; background: #fff; }
    th, td { border: 1px solid var(--line); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
    th { background: #eef1f5; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .severity-high { color: var(--accent); font-weight: 700; }
    .severity-medium { color: var(--warn); }
    .severity-low { color: var(--muted); }
    nav.paging { margin: 0.6rem 0; } nav.paging a { margin-left: 0.4rem; }
    details.evidence { font-size: 0.9em; color: var(--muted); } details.evidence ul { margin: 0.2rem 0; overflow-wrap: anywhere; }
    td .basis { display: block; color: var(--muted); font-size: 0.8rem; white-space: normal; }
    .deadline { font-size: 0.85rem; } .deadline.basis { color: var(--muted); }
    .downloads a { margin-right: 1rem; }
    form.stack { display: grid; gap: 0.8rem; max-width: 360px; background: #fff; padding: 1.5rem;
      border: 1px solid var(--line); border-radius: 6px; }
    label { display: grid; gap: 0.2rem; }
    input[type=text], input[type=password] { font: inherit; padding: 0.45rem; border: 1px solid #aab2bf; border-radius: 4px; }
    button { font: inherit; padding: 0.45rem 1rem; border: 1px solid var(--accent); background: var(--accent); color: #fff;
      border-radius: 4px; cursor: pointer; }
    header.site button { background: #fff; color: var(--accent); }
    button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #f0b429; outline-offset: 1px; }
    .error { color: var(--accent); background: #fdeaea; border: 1px solid #f3c0c0; padding: 0.6rem; border-radius: 4px; }
    .ok { color: var(--ok); }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap: 1rem; }
    figure { margin: 0; max-width: 100%; } figure svg { max-width: 100%; height: auto; }
    .charts figure:first-child { grid-column: 1 / -1; max-width: 860px; }
    .charts figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem; }
    .charts svg { width: 100%; height: auto; }
    .monitoring-table table { margin-bottom: 1rem; } .monitoring-table caption { text-align: left; font-weight: 700; padding: 0.4rem 0; }
    .monitoring-table td.trailing { text-align: right; font-variant-numeric: tabular-nums; } .monitoring-table td.center { text-align: center; }
    #tasks td small { color: var(--muted); } tr:target { background: #fff7d6; }
    form.plan { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; max-width: 860px; }
    form.plan .months { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 0.8rem; }
    form.plan fieldset { border: 1px solid var(--line); border-radius: 4px; display: flex; gap: 1rem; align-items: center;
      flex-wrap: wrap; }
    fieldset.checks { border: 1px solid var(--line); border-radius: 4px; display: grid; gap: 0.3rem; }
    fieldset.checks[aria-invalid=true] { border-color: var(--accent); }
    .planned { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1.5fr); gap: 0.4rem; }
    label.inline { display: flex; gap: 0.4rem; align-items: center; }
    tr.overdue td, tr.flagged td { background: #fdeaea; } ul.todo li.error { padding: 0.2rem 0.5rem; }
    .table-scroll { overflow-x: auto; max-width: 100%; } .table-scroll table { min-width: 44rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.3rem; } form.inline { display: inline; }
    button.secondary { background: #fff; color: var(--accent); }
    input[type=date] { font: inherit; padding: 0.4rem; border: 1px solid #aab2bf; border-radius: 4px; }
    .level table { table-layout: fixed; }
    ul.distribution { list-style: none; padding: 0; max-width: 40rem; }
    ul.distribution li { display: grid; grid-template-columns: 3rem 1fr 4rem; gap: 0.5rem; align-items: center; }
    ul.distribution .bar { display: block; height: 0.9rem; background: var(--accent); min-width: 2px; }
    .level th:nth-child(1) { width: 4rem; } .level th:nth-child(2) { width: 22%; } .level th:nth-child(3) { width: 4rem; }
    .level th:nth-child(4) { width: 14%; } .level th:nth-child(5) { width: 4rem; } .level th:nth-child(7) { width: 16%; }
    .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
    textarea { font: inherit; width: 100%; padding: 0.5rem; border: 1px solid #aab2bf; border-radius: 4px; }
    .printed { background: #fff; border: 1px solid var(--line); padding: 0.6rem; border-radius: 4px; font-size: 0.95rem; }
    .printed p { margin: 0 0 0.4rem; }
    @media (max-width: 900px) { .columns { grid-template-columns: 1fr; } }
    label.check { display: flex; gap: 0.5rem; align-items: start; }
    ul.problems { background: #fff; border: 1px solid #f3c0c0; padding: 0.8rem 2rem; }
    h3 { font-size: 1rem; margin: 1rem 0 0.4rem; color: var(--muted); }
    .notice { color: var(--ok); background: #e8f5ee; border: 1px solid #b9dfc9; padding: 0.6rem; border-radius: 4px; }
    form.wide { max-width: 640px; }
    .field { display: grid; gap: 0.2rem; }
    .field-error { color: var(--accent); font-size: 0.9rem; }
    [aria-invalid=true] { border-color: var(--accent) !important; background: #fff6f6; }
    select { font: inherit; padding: 0.4rem; border: 1px solid #aab2bf; border-radius: 4px; max-width: 100%; min-width: 0; }
    form.stack > *, fieldset { min-width: 0; }
    form.filters { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; margin-bottom: 1rem; }
    .pager { display: flex; gap: 0.5rem; margin: 0.8rem 0; flex-wrap: wrap; }
    button.danger { background: #fff; color: var(--accent); margin-top: 1rem; }
    button.link { background: none; border: none; color: var(--accent); padding: 0 0.3rem; text-decoration: underline; cursor: pointer; }
    @media print { header.site, .downloads, form { display: none; } body { background: #fff; } main { margin: 0; } }
    @media (max-width: 700px) { main { padding: 0 0.8rem; } .card .figure { font-size: 1.3rem; }
      header.site { flex-wrap: wrap; gap: 0.4rem; padding: 0.6rem 0.8rem; } header.site nav { flex-wrap: wrap; gap: 0.6rem; }
      main table { display: block; overflow-x: auto; max-width: 100%; } .table-scroll table { display: table; } }
    """
}
