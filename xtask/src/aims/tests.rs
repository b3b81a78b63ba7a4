use super::*;

#[test]
fn rules() {
    assert_eq!(sector_of("99810"), Some(998));
    assert_eq!(sector_of("311|311"), Some(310));
    assert_eq!(sector_of("12191|12230"), Some(120));
    assert_eq!(sector_of("151|160|311"), None, "several sectors: unknown");
    assert_eq!(sector_of("500"), None, "no CRS sector: unknown");
    assert_eq!(sector_of(""), None);
    assert_eq!(
        provider_of(
            "Organization of Petroleum Exporting Countries\u{a0}(OPEC)",
            "BDI"
        ),
        Some(("OFID", Kind::Multilateral))
    );
    assert_eq!(
        provider_of("Eximbank China", "HND"),
        None,
        "Taiwan's Eximbank in Honduras"
    );
    assert_eq!(provider_of("China Private Investment", "COD"), None);
    assert_eq!(
        provider_of("Nigeria", "NGA"),
        None,
        "the recipient's own funds"
    );
    assert_eq!(provider_of("Nigeria", "UGA"), Some(("NGA", Kind::Country)));
    assert_eq!(
        co_financier_of("Embassy of France in Burundi", "BDI"),
        Some("FRA")
    );
    assert_eq!(co_financier_of("Norway\u{a0}", "NPL"), Some("NOR"));
    assert_eq!(
        co_financier_of("DRF UK", "SOM"),
        None,
        "ambiguous: not matched"
    );
    assert_eq!(co_financier_of("India", "NPL"), None, "a Southern provider");
    assert_eq!(
        co_financier_of("United Nations Development Programme", "UGA"),
        None
    );
    for (code, names) in CO_FINANCIERS {
        for n in *names {
            assert_eq!(
                provider_of(n, ""),
                None,
                "{code}: {n} is also a provider string"
            );
        }
    }
    assert!(status("Pipeline/identification").unwrap().is_none());
    assert!(status("Done").is_err());
    let mixed = Commitments {
        constant: 1.0,
        current: 2.0,
        first_year: Some(2009),
    };
    assert_eq!(amount(&mixed), None, "two price bases are never added");
    assert_eq!(
        amount(&Commitments::default()),
        None,
        "no commitment is unknown, not zero"
    );
}
