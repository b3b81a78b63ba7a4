//! The front page's catalogue (`/`, issue #15): the datasets at a glance, the stories, your own data.

catalogue! { FrontText, EN, ZH, ENTRIES;
    lede: "Open data on development cooperation between countries of the South: where projects are, what they build and what they cost, each figure linked to its record.",
        "关于南方国家之间发展合作的公开数据：项目在哪里、建设什么、花费多少，每个数字都链接到其记录。";
    datasets_title: "The datasets", "数据集";
    datasets_lede: "Each one is a separate source; the one shown above is drawn from its records.",
        "每个数据集来源不同；上方所示的数据集由其记录绘制。";
    projects_n: "projects", "个项目";
    provider_one: "provider", "个提供方";
    providers_n: "providers", "个提供方";
    recipients_n: "recipient countries", "个受援国";
    years: "Commitment years {from}–{to}", "承诺年份 {from}–{to}";
    price_bases: "Amounts: {bases} US dollars", "金额：{bases}美元";
    price_bases_sep: " and ", "和";
    shown: "Shown now", "当前显示";
    chart_caption: "Projects by commitment year", "按承诺年份统计的项目";
    chart_alt: "Projects by commitment year, {from}–{to}: most in {peak} ({n} projects).",
        "按承诺年份统计的项目，{from}–{to}年：{peak}年最多（{n}个项目）。";
    chart_unknown: "{n} without a year", "{n}个无年份";
    span_caption: "Years covered, from the catalogue (not loaded yet)", "覆盖年份，据数据目录（尚未加载）";
    span_alt: "Years {from}–{to}, on the catalogue's span {first}–{last}.", "{from}–{to}年，数据目录跨度为{first}–{last}年。";
    explore: "Explore this dataset", "探索此数据集";
    explore_named: "Explore this dataset: {title}", "探索此数据集：{title}";
    catalogue_error: "The list of datasets could not be read.", "无法读取数据集列表。";
    stories_title: "Stories to present", "可演示的故事";
    slide_one: "1 slide", "1张幻灯片";
    slides_n: "{n} slides", "{n}张幻灯片";
    all_stories: "All stories and the story builder", "全部故事与故事编辑器";
    own_title: "Bring your own data", "使用您自己的数据";
    own_before: "Open a spreadsheet (it is read in this browser only), or link a bridges/1 JSON file with",
        "打开电子表格（仅在此浏览器中读取），或用";
    own_after: "in any address.", "在任意地址中链接 bridges/1 JSON 文件。";
    schema: "The bridges/1 format", "bridges/1 格式";
}
