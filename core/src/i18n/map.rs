//! The map page's catalogue, with the embed page, the share dialog and the static map SVG.

catalogue! { MapText, EN, ZH, ENTRIES;
    // The map page.
    title: "Map", "地图";
    loading: "Loading the map…", "正在加载地图…";
    load_http: "{file}: the server answered HTTP {status}", "{file}：服务器返回状态码 {status}";
    load_other: "{detail}", "无法加载地图：{detail}";
    svg_aria: "World map of projects by recipient country. Tab to the countries; arrow keys move between them, Enter filters, + and − zoom, shift and arrows pan.",
        "按受援国显示项目的世界地图。按 Tab 键进入各国；方向键在国家之间移动，回车键筛选，+ 和 − 缩放，Shift 加方向键平移。";
    download_title: "Bridges: cooperation projects by recipient", "Bridges：按受援国统计的合作项目";
    note: "Equal Earth projection (equal-area, so country sizes are comparable). Classes are quantiles of the countries with projects. Borders are Natural Earth's de-facto lines and imply no position on any dispute. Small island states are drawn from Natural Earth's 1:50m data and marked with a dot. Project locations are the centroids of the administrative areas a project touches (first level at world scale, second level when zoomed in). Flows run from the provider to each recipient, wider for more projects; triangular partners, where a dataset names them, are drawn dashed (pivot) or dotted (beneficiary), and co-financing countries dash-dotted.",
        "采用 Equal Earth 等积投影，各国面积可直接比较。分级为有项目国家的分位数分级。边界采用 Natural Earth 的实际控制线，不代表对任何争议的立场。小岛屿国家取自 Natural Earth 1:5000万比例尺数据，并以圆点标示。项目地点为项目所涉行政区的中心点（全球视图为一级行政区，放大后为二级行政区）。流向从提供方指向各受援国，项目越多线条越宽；数据集列出三方合作伙伴时，以虚线（枢纽方）或点线（受益方）表示；联合出资国以点划线表示。";

    // Tooltip and the countries' accessible names.
    tip_projects: "{name}: {count} projects, {amount} ({unknown} with unknown amount)", "{name}：{count}个项目，{amount}（{unknown}个金额未知）";
    tip_no_amount: "no known amount", "无已知金额";
    tip_top_sectors: ". Top sectors: {sectors}", "。主要部门：{sectors}";
    tip_sector: "{sector} ({n})", "{sector}（{n}）";
    tip_no_projects: "{name}: no projects", "{name}：无项目";
    // Not "、": sector names contain it ("工业、采矿、建筑"), so a list of them would read as one.
    list_sep: ", ", "；";

    // Toolbar.
    controls: "Map controls", "地图控件";
    measure: "Measure: ", "指标：";
    measure_count: "Projects", "项目数";
    measure_amount: "Known amount", "已知金额";
    layer_countries: "Countries", "国家";
    layer_points: "Project locations", "项目地点";
    layer_flows: "Flows", "流向";
    zoom: "Zoom", "缩放";
    zoom_in: "Zoom in", "放大";
    zoom_out: "Zoom out", "缩小";
    world: "World", "全球";
    preset_africa: "Africa", "非洲";
    preset_asia: "Asia", "亚洲";
    preset_latin_america: "Latin America and the Caribbean", "拉丁美洲和加勒比";
    preset_oceania: "Oceania", "大洋洲";
    preset_europe: "Europe", "欧洲";
    show_map: "Show the map", "显示地图";
    show_list: "List instead of map", "以列表代替地图";
    // The details panel a tap opens on a phone (no hover there).
    detail: "Country details", "国家详情";
    detail_table: "Its projects in the table", "在表格中查看其项目";
    detail_close: "Close details", "关闭详情";

    // Legend (the page and the SVG download).
    legend: "Legend", "图例";
    legend_count: "Projects per recipient (quantile classes)", "每个受援国的项目数（分位数分级）";
    legend_none: "no projects", "无项目";
    legend_amount_in: "Known amount per recipient, {unit} (quantile classes)", "每个受援国的已知金额，{unit}（分位数分级）";
    legend_provider: "provider", "提供方";
    legend_not_drawn: "Providers not drawn (not countries, or too small at this scale), with their records:", "未绘制的提供方（非国家，或在此比例下过小）及其记录数：";
    legend_dots: "Project locations per dot", "每个圆点的项目地点数";
    legend_flows: "Projects per flow", "每条流向的项目数";
    legend_pivot: "pivot partner", "枢纽伙伴";
    legend_beneficiary: "beneficiary partner", "受益伙伴";
    legend_co_financier: "co-financier", "联合出资方";
    options: "Map options", "地图选项";
    region: "Region", "地区";
    layers: "Layers", "图层";
    legend_unknown: "projects, amounts unknown", "有项目，金额未知";
    svg_footer: "Equal Earth projection. Borders: Natural Earth de-facto lines; they imply no position on any dispute. Data: AidData GCDF 3.0 (ODC-By 1.0).",
        "Equal Earth 等积投影。边界：Natural Earth 实际控制线，不代表对任何争议的立场。数据：AidData GCDF 3.0（ODC-By 1.0）。";

    // The list instead of the map.
    list_caption: "Recipients with projects under the current filters", "当前筛选条件下有项目的受援国";
    list_country: "Country", "国家";
    list_projects: "Projects", "项目数";
    list_known: "Known amount", "已知金额";
    list_unknown: "Amount unknown", "金额未知";
    list_filter: "Filter", "筛选";
    list_amount_unknown: "unknown", "未知";
    list_selected: "Selected", "已选";
    list_select: "Select", "选择";

    // The mini-map of a project page and an actor's profile.
    mini_title: "On the map", "地图";
    mini_aria_project: "Map of {places}: {own}", "{places}地图：{own}";
    mini_aria_actor: "Map of the {n} countries it worked in", "其合作的{n}个国家的地图";
    mini_one_location: "1 location", "1个地点";
    mini_locations: "{n} locations", "{n}个地点";
    mini_no_locations: "no locations in the record", "记录中没有地点";
    mini_aria_similar: "; {n} locations of similar projects", "；类似项目的{n}个地点";
    mini_aria_elsewhere: " ({n} more outside this view)", "（另有{n}个在此视图之外）";
    mini_countries_n: "{n} countries", "{n}个国家";
    mini_legend_recipient: "Recipient country", "受援国";
    mini_legend_worked_in: "Country it worked in", "其合作的国家";
    mini_legend_own: "This project's locations", "本项目的地点";
    mini_legend_similar: "Similar projects' locations", "类似项目的地点";
    mini_legend_elsewhere: "{n} locations of similar projects lie outside this view.", "另有{n}个类似项目地点在此视图之外。";
    mini_none: "No map: the record names no country on the map and no location.", "无地图：记录未列出地图上的国家，也没有地点。";

    // The embed page.
    embed_invalid_view: "Bridges cannot embed “{name}”. Use one of: {views}.", "Bridges 无法嵌入“{name}”。可用的视图：{views}。";
    embed_map_title: "Projects by recipient country", "按受援国统计的项目";
    embed_headline_title: "Cooperation projects", "合作项目";
    embed_source: "Source: AidData Global Chinese Development Finance Dataset 3.0 (ODC-By 1.0) · ", "来源：AidData《全球中国发展融资数据集》3.0版（ODC-By 1.0）· ";
    embed_open_full: "Open in Bridges", "在 Bridges 中打开完整视图";
    embed_source_of: "Source:", "来源：";
    embed_data_notes: "Data notes ({n})", "数据说明（{n}条）";

    // The share dialog.
    share_button: "Share & embed", "分享与嵌入";
    share_short: "Share", "分享";
    share_more: " & embed", "与嵌入";
    share_title: "Share & embed this view", "分享与嵌入此视图";
    share_close: "Close", "关闭";
    share_link: "Link", "链接";
    share_copy_link: "Copy link", "复制链接";
    share_embed: "Embed", "嵌入";
    share_iframe: "iframe", "内联框架代码";
    share_script: "Script (resizes itself)", "脚本（自动调整高度）";
    share_copy: "Copy", "复制";
    share_options: "Embed options", "嵌入选项";
    share_theme: "Theme", "主题";
    share_theme_auto: "Follow the visitor's system", "跟随访问者的系统设置";
    share_theme_light: "Light", "浅色";
    share_theme_dark: "Dark", "深色";
    share_theme_projector: "Projector (high contrast)", "投影（高对比度）";
    share_controls: "Chart tools (table, downloads)", "图表工具（表格、下载）";
    share_cards: "Headline as cards", "以卡片显示主要数据";
    share_height: "Fixed height (px, empty: fits its content)", "固定高度（像素，留空则自适应内容）";
    share_accent: "Accent colour", "强调色";
    share_qr_alt: "QR code of this view's link", "此视图链接的二维码";
    share_qr_caption: "Scan to open this view on a phone.", "用手机扫码打开此视图。";
    share_preview_width: "Preview width", "预览宽度";
    share_phone: "Phone", "手机";
    share_desktop: "Desktop", "桌面";
    share_preview_title: "Preview of the embed", "嵌入效果预览";
    share_snippet_title: "Bridges: cooperation projects", "Bridges：合作项目";
    share_view_headline: "headline", "概览数字";
    share_view_timeline: "timeline", "按年份";
    share_view_sector: "sector", "按部门";
    share_view_recipients: "recipients", "主要受援国";
    share_view_region: "region", "按地区";
    share_view_sdg: "sdg", "按可持续发展目标";
    share_view_status: "status", "按状态";
    share_view_flow: "flow", "按资金类别";
    share_view_map: "map", "地图";
    share_view_provider: "provider", "按提供方";
    share_view_dataset: "dataset", "按数据集";
    share_view_similar: "projects like these", "类似项目";
}
