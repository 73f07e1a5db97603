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

/**
 * nrem_field_editor_show_validity:
 * @hint_label: (nullable): the line under the editor that explains it
 * @problem: (nullable): what is wrong with the text, or %NULL when it is valid
 * @hint: (nullable): what the field expects, said when nothing is wrong
 *
 * Marks an editor invalid, for the eye (error style, the problem under it) and for a screen
 * reader (the invalid state, the problem as description), or clears the mark.
 */
void
nrem_field_editor_show_validity (GtkWidget  *editor,
                                 GtkLabel   *hint_label,
                                 const char *problem,
                                 const char *hint)
{
  GtkAccessible *accessible = nrem_field_editor_accessible (editor);

  if (problem != NULL)
    {
      gtk_widget_add_css_class (editor, "error");
      gtk_widget_set_tooltip_text (editor, problem);
      gtk_accessible_update_state (accessible, GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
    }
  else
    {
      gtk_widget_remove_css_class (editor, "error");
      gtk_widget_set_tooltip_text (editor, NULL);
      gtk_accessible_reset_state (accessible, GTK_ACCESSIBLE_STATE_INVALID);
      if (hint != NULL)
        gtk_accessible_update_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint, -1);
      else
        gtk_accessible_reset_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  if (hint_label == NULL)
    return;
  gtk_label_set_label (hint_label, problem != NULL ? problem : hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (hint_label), problem != NULL || hint != NULL);
  if (problem != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (hint_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (hint_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (hint_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (hint_label), "dim-label");
    }
}
