using MudBlazor;

namespace DataProductDashboard.Components.Layout;

/// <summary>The app's MudBlazor theme: a system font stack (no web fonts; the app must work offline) and a light and a
/// dark palette whose text and status colours meet WCAG 2.2 AA (4.5:1) on their backgrounds and surfaces.</summary>
public static class DashboardTheme
{
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Helvetica Neue", "Arial", "Noto Sans", "Liberation Sans", "sans-serif"];

    // On the light background #f3f5f8: success 4.7:1, warning 5.1:1, error 5.2:1, info 5.3:1, secondary text 5.6:1
    // (MudBlazor's defaults were 2.2, 2.0, 3.4, 2.9 and 4.45).
    private static PaletteLight Light() => new()
    {
        Primary = "#1e5aa8",
        PrimaryDarken = "#164785",
        Secondary = "#5f6b7a",
        Success = "#2e7d32",
        SuccessDarken = "#1b5e20",
        Warning = "#a84f00",
        WarningDarken = "#8a4100",
        Error = "#c62828",
        ErrorDarken = "#a51d1d",
        Info = "#1565c0",
        InfoDarken = "#0f4f98",
        TextSecondary = "rgba(0,0,0,0.62)",
        ActionDisabled = "rgba(0,0,0,0.42)",
        AppbarBackground = "#16324f",
        DrawerBackground = "#f7f9fc",
        Background = "#f3f5f8",
    };

    // Light tints on near-black surfaces; filled chips and buttons carry dark text on them (at least 7:1).
    private static PaletteDark Dark() => new()
    {
        Black = "#0b0d10",
        Background = "#121418",
        BackgroundGray = "#181b20",
        Surface = "#1e2128",
        AppbarBackground = "#0f1c2c",
        AppbarText = "rgba(255,255,255,0.92)",
        DrawerBackground = "#171a1f",
        DrawerText = "rgba(255,255,255,0.87)",
        DrawerIcon = "rgba(255,255,255,0.78)",
        TextPrimary = "rgba(255,255,255,0.87)",
        TextSecondary = "rgba(255,255,255,0.70)",
        TextDisabled = "rgba(255,255,255,0.45)",
        ActionDefault = "rgba(255,255,255,0.80)",
        ActionDisabled = "rgba(255,255,255,0.45)",
        ActionDisabledBackground = "rgba(255,255,255,0.12)",
        Divider = "rgba(255,255,255,0.14)",
        DividerLight = "rgba(255,255,255,0.08)",
        LinesDefault = "rgba(255,255,255,0.14)",
        LinesInputs = "rgba(255,255,255,0.45)",
        TableLines = "rgba(255,255,255,0.12)",
        TableHover = "rgba(255,255,255,0.06)",
        TableStriped = "rgba(255,255,255,0.03)",
        Primary = "#8ab4f8",
        PrimaryDarken = "#a8c7fa",
        PrimaryLighten = "#c2d7fb",
        PrimaryContrastText = "#0b1a33",
        Secondary = "#b0bec5",
        SecondaryContrastText = "#101418",
        Tertiary = "#ce93d8",
        TertiaryContrastText = "#101418",
        Success = "#81c784",
        SuccessDarken = "#a5d6a7",
        SuccessContrastText = "#0b1a0c",
        Warning = "#ffb74d",
        WarningDarken = "#ffcc80",
        WarningContrastText = "#1f1300",
        Error = "#ef9a9a",
        ErrorDarken = "#ffcdd2",
        ErrorContrastText = "#260808",
        Info = "#90caf9",
        InfoDarken = "#bbdefb",
        InfoContrastText = "#06182a",
        Dark = "#e0e0e0",
        DarkContrastText = "#121418",
        OverlayDark = "rgba(0,0,0,0.6)",
    };

    public static MudTheme Create() => new()
    {
        PaletteLight = Light(),
        PaletteDark = Dark(),
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts },
            H2 = new H2Typography { FontFamily = SystemFonts },
            H3 = new H3Typography { FontFamily = SystemFonts },
            H4 = new H4Typography { FontFamily = SystemFonts, FontSize = "1.75rem", FontWeight = "500" },
            H5 = new H5Typography { FontFamily = SystemFonts, FontSize = "1.35rem", FontWeight = "500" },
            H6 = new H6Typography { FontFamily = SystemFonts, FontSize = "1.1rem", FontWeight = "500" },
            Subtitle1 = new Subtitle1Typography { FontFamily = SystemFonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = SystemFonts },
            Body1 = new Body1Typography { FontFamily = SystemFonts },
            Body2 = new Body2Typography { FontFamily = SystemFonts },
            Button = new ButtonTypography { FontFamily = SystemFonts },
            Caption = new CaptionTypography { FontFamily = SystemFonts },
            Overline = new OverlineTypography { FontFamily = SystemFonts },
        },
    };
}
