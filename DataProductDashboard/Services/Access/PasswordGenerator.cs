using System.Security.Cryptography;

namespace DataProductDashboard.Services.Access;

/// <summary>Random one-time passwords (about 119 bits): four groups of five letters and digits, e.g. "Hq7xK-p2WmZ-…",
/// always with an upper-case letter, a lower-case letter and a digit so that Identity's password rules accept them.</summary>
public static class PasswordGenerator
{
    // No 0/O, 1/l/I: a password read off a console is typed by hand.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Create()
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 20);
            var text = string.Join('-', chars.Chunk(5).Select(c => new string(c)));
            if (text.Any(char.IsUpper) && text.Any(char.IsLower) && text.Any(char.IsDigit))
                return text;
        }
    }
}
