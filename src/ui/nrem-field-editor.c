/* nrem-field-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-field-editor.h"

#include <adwaita.h>

/* What assistive technologies talk to: the text inside an entry row, which has the focus. */
GtkAccessible *
nrem_field_editor_accessible (GtkWidget *editor)
{
  if (ADW_IS_ENTRY_ROW (editor))
    return GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (editor)));
  return GTK_ACCESSIBLE (editor);
}

char *
nrem_field_editor_dup_text (GtkWidget *editor)
{
  if (GTK_IS_TEXT_VIEW (editor))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));
}

/**
 * nrem_field_editor_set_text:
 * @text: (nullable): the text, %NULL for none
 *
 * Shows @text unless the editor already holds it, so that the cursor of a person typing is
 * not moved by their own save coming back.
 *
 * Returns: whether the text changed
 */
gboolean
nrem_field_editor_set_text (GtkWidget  *editor,
                            const char *text)
{
  g_autofree char *current = nrem_field_editor_dup_text (editor);

  if (text == NULL)
    text = "";
  if (g_strcmp0 (current, text) == 0)
    return FALSE;
  if (GTK_IS_TEXT_VIEW (editor))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (editor), text);
  return TRUE;
}
