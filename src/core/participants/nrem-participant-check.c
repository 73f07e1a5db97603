/* nrem-participant-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-participant-check.h"

#include <glib/gi18n.h>
#include <string.h>

/**
 * nrem_participant_check_email:
 * @text: (nullable): an e-mail address as typed
 *
 * Returns: (transfer full) (nullable): why @text does not look like an e-mail address, or
 * %NULL when it does (or is empty)
 */
char *
nrem_participant_check_email (const char *text)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *at;
  const char *domain;

  if (s[0] == '\0')
    return NULL;
  for (const char *p = s; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>' || *p == '"')
      return g_strdup (_("An e-mail address has no spaces, commas or quotes"));
  at = strchr (s, '@');
  if (at == NULL)
    return g_strdup (_("An e-mail address needs an “@”"));
  if (strchr (at + 1, '@') != NULL)
    return g_strdup (_("An e-mail address has only one “@”"));
  if (at == s)
    return g_strdup (_("Nothing before the “@”"));
  domain = at + 1;
  if (strchr (domain, '.') == NULL || domain[0] == '.' || g_str_has_suffix (domain, ".") ||
      strstr (domain, "..") != NULL)
    return g_strdup (_("The part after the “@” should be a domain such as example.org"));
  return NULL;
}

/**
 * nrem_participant_check_phone:
 * @text: (nullable): a phone number as typed
 *
 * Accepts digits with spaces, dots, dashes, slashes and parentheses, an optional leading
 * "+", and an extension ("ext. 12", "x12").
 *
 * Returns: (transfer full) (nullable): why @text does not look like a phone number, or
 * %NULL when it does (or is empty)
 */
char *
nrem_participant_check_phone (const char *text)
{
  g_autofree char *s = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *lower = NULL;
  char *ext;
  guint digits = 0;

  if (s[0] == '\0')
    return NULL;
  lower = g_ascii_strdown (s, -1);
  /* the extension is checked apart: "… ext. 123", "… x123" */
  if ((ext = strstr (lower, "ext")) != NULL || (ext = strrchr (lower, 'x')) != NULL)
    {
      const char *p = ext + (g_str_has_prefix (ext, "ext") ? 3 : 1);

      if (*p == '.')
        p++;
      while (*p == ' ')
        p++;
      if (*p == '\0')
        return g_strdup (_("The extension has no number"));
      for (; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return g_strdup (_("A phone number holds digits, spaces and + ( ) - . / only"));
      *ext = '\0';
    }
  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+')
        {
          if (p != lower)
            return g_strdup (_("A “+” goes only at the start of a phone number"));
        }
      else if (strchr (" ()-./", *p) == NULL)
        return g_strdup (_("A phone number holds digits, spaces and + ( ) - . / only"));
    }
  if (digits < 4)
    return g_strdup (_("Too few digits for a phone number"));
  if (digits > 20)
    return g_strdup (_("Too many digits for a phone number"));
  return NULL;
}

/**
 * nrem_participant_phone_to_uri:
 *
 * Returns: (transfer full) (nullable): a tel: URI (RFC 3966) for a valid number that starts
 * with "+", or %NULL
 */
char *
nrem_participant_phone_to_uri (const char *text)
{
  g_autofree char *problem = nrem_participant_check_phone (text);
  GString *uri;
  const char *p;

  if (text == NULL || problem != NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  if (text[0] != '+')
    return NULL;
  uri = g_string_new ("tel:+");
  for (p = text + 1; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (uri, *p);
      else if (g_ascii_isalpha (*p))
        break;  /* the extension */
      else if ((*p == ' ' || *p == '-' || *p == '.') && uri->str[uri->len - 1] != '-' &&
               uri->str[uri->len - 1] != '+')
        g_string_append_c (uri, '-');
    }
  while (uri->str[uri->len - 1] == '-')
    g_string_truncate (uri, uri->len - 1);
  if (*p != '\0')
    {
      g_string_append (uri, ";ext=");
      for (; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (uri, *p);
    }
  return g_string_free (uri, FALSE);
}
