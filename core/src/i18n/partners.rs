//! The catalogue of actor profiles (`/actors/<id>`) and the partner finder (`/partners`).

catalogue! { PartnersText, EN, ZH, ENTRIES;
    loading: "Reading who worked on which records…", "正在整理各记录的参与方…";
    // Actor profiles.
    kind_provider: "Provider country", "提供方国家";
    kind_provider_other: "Provider ({kind})", "提供方（{kind}）";
    kind_multilateral: "multilateral", "多边机构";
    kind_agency_actor: "agency", "机构";
    kind_ngo: "NGO", "非政府组织";
    kind_private: "private", "私营";
    kind_agency: "Agency or company named in the records", "记录中列出的机构或公司";
    no_such_actor: "No such actor", "没有这个行为体";
    no_actor_with_id: "No record of the loaded data names the actor", "已加载数据中没有记录列出该行为体";
    roles_title: "Roles", "角色";
    role_provider: "provider on {n} records", "在{n}条记录中为提供方";
    role_funding: "funding agency on {n} records", "在{n}条记录中为出资机构";
    role_receiving: "receiving agency on {n} records", "在{n}条记录中为接收机构";
    role_implementing: "implementing agency on {n} records", "在{n}条记录中为实施机构";
    countries_title: "Recipient countries", "受援国";
    // A record's partners and their roles (project page).
    partners_dt: "Partners", "合作伙伴";
    partner_provider: "provider", "提供方";
    partner_pivot: "pivot partner", "枢纽伙伴";
    partner_beneficiary: "beneficiary partner", "受益伙伴";
    partner_co_financier: "co-financier", "联合出资方";
    partner_implementing: "implementing partner", "执行伙伴";
    regional_records: "{n} regional records without a recipient country", "{n}条区域性记录没有受援国";
    sectors_title: "Sectors", "部门";
    years_title: "Commitment years", "承诺年份";
    years_range: "{from}–{to}; {unknown} records without a year", "{from}–{to}年；{unknown}条记录无年份";
    partners_title: "Worked with", "合作过的行为体";
    partners_none: "No other actor is named on its records.", "其记录中未列出其他行为体。";
    shared_records: "{n} shared records", "{n}条共同记录";
    spellings_title: "Spellings in the source ({n})", "来源中的写法（{n}种）";
    spellings_note: "Names are grouped by a normalised key (case, punctuation, legal forms such as “Co., Ltd.” ignored); every spelling the records use is listed here, with how many records use it.",
        "名称按规范化键归组（忽略大小写、标点及“Co., Ltd.”等法律形式）；此处列出记录中使用的每种写法及其记录数。";
    records_title: "Records", "记录";
    records_shown: "The {shown} most recent of {total}", "{total}条中最近的{shown}条";
    in_explorer: "These projects in the explorer", "在“探索”中查看这些项目";
    col_country: "Country", "国家";
    col_sector: "Sector", "部门";
    col_records: "Records", "记录数";
    col_actor: "Actor", "行为体";
    unknown_sector: "Unknown sector", "部门未知";
    more_not_shown: "and {n} more", "另有{n}个";
    amounts_line: "{amount} known on {known} records; {unknown} without a known amount; {other} in another currency or price base (not added)",
        "{known}条记录的已知金额合计{amount}；{unknown}条金额未知；{other}条为其他货币或价格基准（未相加）";

    // The partner finder.
    finder_title: "Find partners", "寻找合作伙伴";
    finder_intro: "Who has done this kind of project, where, and with whom — from the records of the loaded data. Records in countries like yours (same region, same income group) count more.",
        "谁做过这类项目、在哪里、与谁合作——依据已加载数据中的记录。与您的国家情况相似（同一地区、同一收入组别）的记录权重更高。";
    we_are: "We are", "我们是";
    choose_country: "choose a country", "选择国家";
    want_sector: "and want to work on the sector", "希望合作的部门";
    any_sector: "any sector", "任意部门";
    want_sdg: "or the goal", "或可持续发展目标";
    any_sdg: "any goal", "任意目标";
    want_words: "with the words", "包含词语";
    words_placeholder: "e.g. hydropower", "例如：水电";
    ask_first: "Choose your country and a field (sector, goal or words) to see who has experience in it.",
        "请选择您的国家和一个领域（部门、目标或词语），以查看谁有相关经验。";
    found: "{n} records in this field.", "该领域有{n}条记录。";
    actors_title: "Who has done it", "谁做过";
    actors_none: "No actor is named on these records.", "这些记录中未列出任何行为体。";
    actor_line: "{n} records in {countries} countries; {region} in your region, {income} in your income group", "{n}条记录，涉及{countries}个国家；其中{region}条在您所在地区，{income}条在您的收入组别";
    peers_title: "Countries that received such projects", "接受过此类项目的国家";
    actor_line_one_country: "{n} records in 1 country; {region} in your region, {income} in your income group", "{n}条记录，涉及1个国家；其中{region}条在您所在地区，{income}条在您的收入组别";
    actor_line_one: "1 record in 1 country; {region} in your region, {income} in your income group", "1条记录，涉及1个国家；其中{region}条在您所在地区，{income}条在您的收入组别";
    peer_line: "{n} records", "{n}条记录";
    peer_line_one: "1 record", "1条记录";
    same_region: "same region", "同一地区";
    same_income: "same income group", "同一收入组别";
    projects_title: "The projects", "项目";
    all_in_table: "All {n} in the table", "在表格中查看全部{n}个";
    download_csv: "Download the ranking (CSV)", "下载排名（CSV）";
    limits_title: "What the data cannot say", "数据无法说明的内容";
    gap_no_records: "No record of the loaded data is in this field.", "已加载数据中没有属于该领域的记录。";
    gap_unknown_country: "{code} is not in the reference tables, so contexts cannot be compared.", "{code}不在参考表中，无法比较情况。";
    gap_no_context: "The reference tables give {code} no region or income group: contexts cannot be compared.", "参考表中{code}没有地区或收入组别，无法比较情况。";
    gap_amount_unknown: "{n} records have no known amount (not counted as zero).", "{n}条记录金额未知（不按零计）。";
    gap_other_currency: "{n} records have an amount in another currency or price base (not added).", "{n}条记录的金额为其他货币或价格基准（未相加）。";
    gap_no_agency: "{n} records name no agency: who carried them out is unknown.", "{n}条记录未列出任何机构：实施方未知。";
    gap_placeholder: "{n} records name only an unspecified agency.", "{n}条记录仅列出未具体说明的机构。";
    gap_no_recipient: "{n} records are regional (no recipient country).", "{n}条记录为区域性项目（无受援国）。";
    gap_year_unknown: "{n} records have no commitment year.", "{n}条记录没有承诺年份。";
    gap_single_provider: "Every record has one provider ({provider}): the data only knows that provider's projects.", "所有记录都只有一个提供方（{provider}）：数据仅包含该提供方的项目。";
    find_partners_link: "Find partners for this kind of project", "为这类项目寻找合作伙伴";
}
