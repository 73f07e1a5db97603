/* nrem-recommendation-editor.c
 *
 * Every control writes through nrem_store_save_recommendation(), one transaction each: the
 * text a second after the last keystroke or when it loses the focus (together with the status
 * when that changes meanwhile), the rest at once. A save that fails keeps what was typed, says
 * why under the text, and is tried again with the next change. While the text has changes not
 * yet saved, news of the record from elsewhere does not overwrite them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-recommendations"

#include "config.h"

#include "nrem-recommendation-editor.h"
#include "nrem-numbering.h"
#include "nrem-participant-picker.h"
#include "nrem-recommendation-rules.h"
#include "nrem-store-recommendations.h"
#include "nrem-entity.h"

#include <glib/gi18n.h>
#include <string.h>

#define N_ALTERNATIVES 6   /* none, bis … sexies */

struct _NremRecommendationEditor
{
  GtkWidget               parent_instance;

  NremSession            *session;
  NremRecommendationList *list;
  GListModel             *people;
  NremRecommendation     *record;
  gulong                  notify_id;
  gulong                  labels_id;
  char                   *author;
  char                   *author_name;
  char                   *save_state;
  gboolean                loading;
  gboolean                status_saved;
  gboolean                text_dirty;
  gboolean                theme_dirty;
  guint                   text_source;
  guint                   theme_source;
  GPtrArray              *session_uuids;   /* index 0: none */
  GPtrArray              *merge_uuids;     /* index 0: none chosen */
  GPtrArray              *addressee_checks;
  GPtrArray              *supporter_rows;

  GtkLabel               *title_label;
  GtkLabel               *subtitle_label;
  GtkButton              *back_button;
  GtkWidget              *conflict_box;
  GtkTextView            *text_view;
  GtkScrolledWindow      *text_scroller;
  GtkLabel               *text_hint;
  GtkLabel               *save_label;
  AdwComboRow            *status_row;
  GtkStringList          *status_model;
  GtkButton              *next_button;
  AdwComboRow            *merged_row;
  GtkStringList          *merged_model;
  GtkSwitch              *bracketed_switch;
  AdwComboRow            *alternative_row;
  GtkStringList          *alternative_model;
  AdwEntryRow            *theme_row;
  GtkMenuButton          *theme_button;
  AdwComboRow            *session_row;
  GtkStringList          *session_model;
  AdwPreferencesGroup    *addressees_group;
  AdwActionRow           *proposer_row;
  GtkButton              *proposer_clear_button;
  NremParticipantPicker  *proposer_picker;
  NremParticipantPicker  *supporter_picker;
  AdwPreferencesGroup    *supporters_group;
};

G_DEFINE_FINAL_TYPE (NremRecommendationEditor, nrem_recommendation_editor, GTK_TYPE_WIDGET)

static void load (NremRecommendationEditor *self);
static void load_merge_targets (NremRecommendationEditor *self);

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static NremStore *
get_store (NremRecommendationEditor *self)
{
  return self->session != NULL ? nrem_session_get_store (self->session) : NULL;
}

static const char *
field (NremRecommendationEditor *self,
       const char               *name)
{
  return self->record != NULL ? nrem_record_get_string (NREM_RECORD (self->record), name) : NULL;
}

static void
toast (NremRecommendationEditor *self,
       const char               *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);
      AdwToast *t = adw_toast_new (escaped);

      adw_toast_set_timeout (t, 8);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
    }
  else
    g_message ("%s", message);
}

static void
set_save_state (NremRecommendationEditor *self,
                const char               *state,
                gboolean                  error)
{
  g_free (self->save_state);
  self->save_state = g_strdup (state);
  gtk_label_set_label (self->save_label, state);
  if (error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "dim-label");
    }
}

static char *
buffer_text (NremRecommendationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
author_name (NremRecommendationEditor *self)
{
  const char *real;

  if (self->author_name != NULL)
    return self->author_name;
  real = g_get_real_name ();
  return real != NULL && strcmp (real, "Unknown") != 0 ? real : g_get_user_name ();
}

/* Saves fields of the record. On failure the message shows under the text and in a toast;
 * nothing typed is thrown away. */
static gboolean
save (NremRecommendationEditor *self,
      const char * const       *fields,
      const char * const       *values)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  if (self->record == NULL || get_store (self) == NULL)
    return TRUE;
  uuid = g_strdup (nrem_record_get_uuid (NREM_RECORD (self->record)));
  set_save_state (self, _("Saving…"), FALSE);
  if (!nrem_store_save_recommendation (get_store (self), uuid, fields, values,
                                       self->author, author_name (self), NULL, &error))
    {
      g_autofree char *state = g_strdup_printf (_("Not saved: %s"), error->message);

      set_save_state (self, state, TRUE);
      toast (self, error->message);
      return FALSE;
    }
  set_save_state (self, _("Saved"), FALSE);
  return TRUE;
}

static gboolean
save_one (NremRecommendationEditor *self,
          const char               *name,
          const char               *value)
{
  const char *fields[] = { name, NULL };
  const char *values[] = { value, NULL };

  return save (self, fields, values);
}

static const char *
status_at (guint index)
{
  return index < g_strv_length ((char **) nrem_recommendation_statuses)
         ? nrem_recommendation_statuses[index] : "draft";
}

static guint
status_index (const char *status)
{
  for (guint i = 0; nrem_recommendation_statuses[i] != NULL; i++)
    if (g_strcmp0 (status, nrem_recommendation_statuses[i]) == 0)
      return i;
  return 0;
}

/* ------------------------------------------------------------------------------------------
 * Saving the text and the theme
 */

static void
update_hint (NremRecommendationEditor *self)
{
  g_autofree char *text = buffer_text (self);
  const char *status = field (self, "status");
  const char *hint = "";

  if (!nrem_text_brackets_balanced (text))
    hint = _("The square brackets are not balanced: each “[” needs its “]”.");
  else if (g_strcmp0 (status, "agreed") == 0 && nrem_text_has_brackets (text))
    hint = _("Agreed text still has square brackets; the clean version leaves them out.");
  gtk_label_set_label (self->text_hint, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->text_hint), hint[0] != '\0');
}

/* GtkTextView cannot say how tall its text is at a width it has not been given yet: the box
 * grows with an estimate of the lines the text takes, then scrolls. */
static void
fit_text_height (NremRecommendationEditor *self,
                 const char               *text)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->text_view));
  int per_line, lines = 0;
  g_auto(GStrv) split = g_strsplit (text, "\n", -1);

  if (width <= 0)
    width = 560;
  per_line = MAX (20, (width - 50) * 2 / 15);
  for (guint i = 0; split[i] != NULL; i++)
    lines += 1 + (int) g_utf8_strlen (split[i], -1) / per_line;
  gtk_scrolled_window_set_min_content_height (self->text_scroller, CLAMP (lines * 18 + 30, 150, 420));
}

static void
on_text_resized_cb (NremRecommendationEditor *self)
{
  g_autofree char *text = buffer_text (self);

  fit_text_height (self, text);
}

/* Subparagraphs hang as they will in the document: (a) one step in, (i) two. */
static void
indent_subparagraphs (NremRecommendationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  g_autofree char *text = buffer_text (self);
  g_autofree guint *levels = NULL;
  GtkTextIter start, end;
  guint n;

  if (gtk_text_tag_table_lookup (table, "sub1") == NULL)
    {
      gtk_text_buffer_create_tag (buffer, "sub1", "left-margin", 34, "indent", -24, NULL);
      gtk_text_buffer_create_tag (buffer, "sub2", "left-margin", 58, "indent", -24, NULL);
    }
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "sub1", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "sub2", &start, &end);
  levels = nrem_subparagraph_line_levels (text, &n);
  for (guint i = 0; i < n; i++)
    {
      if (levels[i] == 0)
        continue;
      gtk_text_buffer_get_iter_at_line (buffer, &start, (int) i);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      gtk_text_buffer_apply_tag_by_name (buffer, levels[i] >= 2 ? "sub2" : "sub1", &start, &end);
    }
  fit_text_height (self, text);
}

static gboolean
flush_text (NremRecommendationEditor *self)
{
  g_autofree char *text = NULL;
  const char *fields[] = { "text", NULL };
  const char *values[] = { NULL, NULL };

  g_clear_handle_id (&self->text_source, g_source_remove);
  if (!self->text_dirty)
    return TRUE;
  text = buffer_text (self);
  values[0] = text;
  if (!save (self, fields, values))
    return FALSE;
  self->text_dirty = FALSE;
  return TRUE;
}

static gboolean
flush_theme (NremRecommendationEditor *self)
{
  g_autofree char *theme = NULL;

  g_clear_handle_id (&self->theme_source, g_source_remove);
  if (!self->theme_dirty)
    return TRUE;
  theme = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->theme_row))));
  if (!save_one (self, "theme", theme))
    return FALSE;
  self->theme_dirty = FALSE;
  return TRUE;
}

static gboolean
text_timeout_cb (gpointer user_data)
{
  NremRecommendationEditor *self = user_data;

  self->text_source = 0;
  flush_text (self);
  return G_SOURCE_REMOVE;
}

static gboolean
theme_timeout_cb (gpointer user_data)
{
  NremRecommendationEditor *self = user_data;

  self->theme_source = 0;
  flush_theme (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed_cb (NremRecommendationEditor *self)
{
  if (self->loading || self->record == NULL)
    return;
  self->text_dirty = TRUE;
  set_save_state (self, _("Editing…"), FALSE);
  update_hint (self);
  indent_subparagraphs (self);
  g_clear_handle_id (&self->text_source, g_source_remove);
  self->text_source = g_timeout_add (NREM_RECOMMENDATION_SAVE_DELAY_MS, text_timeout_cb, self);
}

static void
on_text_focus_leave_cb (NremRecommendationEditor *self)
{
  flush_text (self);
}

static void
on_theme_changed_cb (NremRecommendationEditor *self)
{
  if (self->loading || self->record == NULL)
    return;
  self->theme_dirty = TRUE;
  g_clear_handle_id (&self->theme_source, g_source_remove);
  self->theme_source = g_timeout_add (NREM_RECOMMENDATION_SAVE_DELAY_MS, theme_timeout_cb, self);
}

static void
on_theme_activated_cb (NremRecommendationEditor *self)
{
  flush_theme (self);
}

static void
on_theme_focus_leave_cb (NremRecommendationEditor *self)
{
  flush_theme (self);
}

/* ------------------------------------------------------------------------------------------
 * The other fields: saved at once
 */

static gboolean
change_status (NremRecommendationEditor *self,
               const char               *status)
{
  g_autofree char *text = NULL;
  const char *fields[4] = { "status", NULL, NULL, NULL };
  const char *values[4] = { status, NULL, NULL, NULL };
  guint n = 1;

  if (g_strcmp0 (status, "merged") == 0)
    {
      guint chosen = adw_combo_row_get_selected (self->merged_row);
      const char *target = chosen != GTK_INVALID_LIST_POSITION && chosen < self->merge_uuids->len
                           ? g_ptr_array_index (self->merge_uuids, chosen) : NULL;

      if (!gtk_widget_get_visible (GTK_WIDGET (self->merged_row)))
        {
          gboolean loading = self->loading;

          self->loading = TRUE;
          load_merge_targets (self);
          adw_combo_row_set_selected (self->merged_row, 0);
          self->loading = loading;
          chosen = 0;
          target = NULL;
        }
      gtk_widget_set_visible (GTK_WIDGET (self->merged_row), TRUE);
      if (target == NULL)
        {
          set_save_state (self, _("Choose the recommendation it was merged into"), FALSE);
          return FALSE;
        }
      fields[n] = "merged_into";
      values[n++] = target;
    }
  /* text and status in one revision */
  if (self->text_dirty)
    {
      text = buffer_text (self);
      fields[n] = "text";
      values[n++] = text;
    }
  g_clear_handle_id (&self->text_source, g_source_remove);
  if (save (self, fields, values))
    {
      self->text_dirty = FALSE;
      return TRUE;
    }
  load (self);  /* the status shown is the one saved */
  return FALSE;
}

static void
on_status_selected_cb (NremRecommendationEditor *self)
{
  if (self->loading || self->record == NULL)
    return;
  self->status_saved = change_status (self, status_at (adw_combo_row_get_selected (self->status_row)));
}

static void
on_merged_selected_cb (NremRecommendationEditor *self)
{
  if (self->loading || self->record == NULL)
    return;
  if (g_strcmp0 (status_at (adw_combo_row_get_selected (self->status_row)), "merged") == 0)
    change_status (self, "merged");
}

static void
on_bracketed_cb (NremRecommendationEditor *self)
{
  if (self->loading || self->record == NULL)
    return;
  save_one (self, "bracketed", gtk_switch_get_active (self->bracketed_switch) ? "1" : "0");
}

static void
on_alternative_selected_cb (NremRecommendationEditor *self)
{
  g_autofree char *value = NULL;

  if (self->loading || self->record == NULL)
    return;
  value = g_strdup_printf ("%u", adw_combo_row_get_selected (self->alternative_row));
  save_one (self, "alternative", value);
}

static void
on_session_selected_cb (NremRecommendationEditor *self)
{
  guint i;

  if (self->loading || self->record == NULL)
    return;
  i = adw_combo_row_get_selected (self->session_row);
  save_one (self, "session", i != GTK_INVALID_LIST_POSITION && i < self->session_uuids->len
                             ? g_ptr_array_index (self->session_uuids, i) : NULL);
}

static void
on_addressee_toggled_cb (NremRecommendationEditor *self)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autofree char *json = NULL;

  if (self->loading || self->record == NULL)
    return;
  for (guint i = 0; i < self->addressee_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->addressee_checks, i)))
      g_ptr_array_add (chosen, (gpointer) nrem_addressees[i]);
  g_ptr_array_add (chosen, NULL);
  json = nrem_json_array_build ((const char * const *) chosen->pdata);
  save_one (self, "addressees", json);
}

static void
on_proposer_picked_cb (NremRecommendationEditor *self,
                       const char               *uuid,
                       const char               *name)
{
  save_one (self, "proposer", uuid);
}

static void
on_supporter_picked_cb (NremRecommendationEditor *self,
                        const char               *uuid,
                        const char               *name)
{
  g_auto(GStrv) old = nrem_json_array_parse (field (self, "supporters"));
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autofree char *json = NULL;

  if (g_strv_contains ((const char * const *) old, uuid))
    return;
  for (guint i = 0; old[i] != NULL; i++)
    g_ptr_array_add (list, old[i]);
  g_ptr_array_add (list, (gpointer) uuid);
  g_ptr_array_add (list, NULL);
  json = nrem_json_array_build ((const char * const *) list->pdata);
  save_one (self, "supporters", json);
}

/* ------------------------------------------------------------------------------------------
 * Actions
 */

static void
insert_subparagraph_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  NremRecommendationEditor *self = NREM_RECOMMENDATION_EDITOR (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = buffer_text (self);
  g_autofree char *label = NULL;
  g_autofree char *insert = NULL;
  GtkTextIter iter, line_start;
  int line;

  if (self->record == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  line = gtk_text_iter_get_line (&iter);
  label = nrem_subparagraph_next_label (text, line, (guint) g_variant_get_int32 (parameter));

  line_start = iter;
  gtk_text_iter_set_line_offset (&line_start, 0);
  if (gtk_text_iter_ends_line (&line_start) && gtk_text_buffer_get_char_count (buffer) > 0)
    insert = g_strdup_printf ("%s ", label);   /* an empty line takes the label */
  else
    {
      if (!gtk_text_iter_ends_line (&iter))
        gtk_text_iter_forward_to_line_end (&iter);
      insert = gtk_text_buffer_get_char_count (buffer) > 0 ? g_strdup_printf ("\n%s ", label)
                                                           : g_strdup_printf ("%s ", label);
    }
  if (gtk_text_iter_ends_line (&line_start) && gtk_text_buffer_get_char_count (buffer) > 0)
    iter = line_start;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &iter, insert, -1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (buffer));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
bracket_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NremRecommendationEditor *self = NREM_RECOMMENDATION_EDITOR (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  if (self->record == NULL)
    return;
  gtk_text_buffer_begin_user_action (buffer);
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      GtkTextMark *mark = gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE);

      gtk_text_buffer_insert (buffer, &start, "[", 1);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, mark);
      gtk_text_buffer_insert (buffer, &end, "]", 1);
      gtk_text_buffer_place_cursor (buffer, &end);
      gtk_text_buffer_delete_mark (buffer, mark);
    }
  else
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
      gtk_text_buffer_insert (buffer, &start, "[]", 2);
      gtk_text_iter_backward_char (&start);
      gtk_text_buffer_place_cursor (buffer, &start);
    }
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NremRecommendationEditor *self = NREM_RECOMMENDATION_EDITOR (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->text_view), "text.undo", NULL);
}

static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NremRecommendationEditor *self = NREM_RECOMMENDATION_EDITOR (widget);
  const char *next = nrem_recommendation_status_next (field (self, "status"));

  if (next != NULL)
    nrem_recommendation_editor_set_status (self, next);
}

static void
clear_proposer_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  save_one (NREM_RECOMMENDATION_EDITOR (widget), "proposer", NULL);
}

static void
remove_supporter_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NremRecommendationEditor *self = NREM_RECOMMENDATION_EDITOR (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) old = nrem_json_array_parse (field (self, "supporters"));
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autofree char *json = NULL;

  for (guint i = 0; old[i] != NULL; i++)
    if (g_strcmp0 (old[i], uuid) != 0)
      g_ptr_array_add (list, old[i]);
  g_ptr_array_add (list, NULL);
  json = nrem_json_array_build ((const char * const *) list->pdata);
  save_one (self, "supporters", json);
}

static void
set_theme_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NremRecommendationEditor *self = NREM_RECOMMENDATION_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->theme_row), g_variant_get_string (parameter, NULL));
  self->theme_dirty = TRUE;
  flush_theme (self);
}

/* ------------------------------------------------------------------------------------------
 * Showing the record
 */

static void
fill_string_list (GtkStringList *model,
                  GPtrArray     *strings)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (model, 0, n, (const char * const *) strings->pdata);
}

static char *
excerpt (const char *text,
         guint       max_chars)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) > max_chars)
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, max_chars);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&flat);
}

static void
load_sessions (NremRecommendationEditor *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *meeting = field (self, "meeting");

  g_ptr_array_set_size (self->session_uuids, 0);
  g_ptr_array_add (self->session_uuids, NULL);
  g_ptr_array_add (labels, g_strdup (_("None")));
  if (meeting != NULL && get_store (self) != NULL)
    rows = nrem_store_list_meeting_sessions (get_store (self), meeting, NULL);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      NremRow *row = g_ptr_array_index (rows, i);
      const char *start = nrem_row_get (row, "start_time");
      const char *day = nrem_row_get (row, "day");
      g_autofree char *when = NULL;
      g_autoptr(GDateTime) date = NULL;
      int y, m, d;

      if (day != NULL && sscanf (day, "%d-%d-%d", &y, &m, &d) == 3)
        date = g_date_time_new_utc (y, m, d, 0, 0, 0);
      when = date != NULL ? g_date_time_format (date, "%a %-d %b") : g_strdup (day ? day : "");
      g_ptr_array_add (self->session_uuids, g_strdup (row->uuid));
      g_ptr_array_add (labels, start != NULL ? g_strdup_printf ("%s, %s — %s", when, start, nrem_row_get (row, "title"))
                                             : g_strdup_printf ("%s — %s", when, nrem_row_get (row, "title")));
    }
  fill_string_list (self->session_model, labels);
}

static void
load_merge_targets (NremRecommendationEditor *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *own = self->record ? nrem_record_get_uuid (NREM_RECORD (self->record)) : NULL;
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;

  g_ptr_array_set_size (self->merge_uuids, 0);
  g_ptr_array_add (self->merge_uuids, NULL);
  g_ptr_array_add (labels, g_strdup (_("Choose…")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremRecommendation) r = g_list_model_get_item (G_LIST_MODEL (self->list), i);
      const NremParagraphInfo *info = nrem_paragraph_info_get (r);
      const char *status = nrem_record_get_string (NREM_RECORD (r), "status");
      g_autofree char *text = excerpt (nrem_record_get_string (NREM_RECORD (r), "text"), 60);

      if (g_strcmp0 (nrem_record_get_uuid (NREM_RECORD (r)), own) == 0 ||
          g_strcmp0 (status, "merged") == 0 || g_strcmp0 (status, "withdrawn") == 0)
        continue;
      g_ptr_array_add (self->merge_uuids, g_strdup (nrem_record_get_uuid (NREM_RECORD (r))));
      g_ptr_array_add (labels, g_strdup_printf ("%s — %s", info && info->number[0] ? info->number : "–", text));
    }
  fill_string_list (self->merged_model, labels);
}

static void
load_theme_menu (NremRecommendationEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;

  for (guint i = 0; nrem_recommendation_themes[i] != NULL; i++)
    {
      const char *theme = _(nrem_recommendation_themes[i]);
      g_autofree char *action = g_strdup_printf ("editor.set-theme");
      g_autoptr(GMenuItem) item = g_menu_item_new (theme, NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (theme));
      g_menu_append_item (menu, item);
      g_hash_table_add (seen, (gpointer) theme);
    }
  /* themes the meeting uses besides */
  {
    g_autoptr(GMenu) others = g_menu_new ();

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(NremRecommendation) r = g_list_model_get_item (G_LIST_MODEL (self->list), i);
        const char *theme = nrem_record_get_string (NREM_RECORD (r), "theme");

        if (theme != NULL && !g_hash_table_contains (seen, theme))
          {
            g_autoptr(GMenuItem) item = g_menu_item_new (theme, NULL);

            g_menu_item_set_action_and_target_value (item, "editor.set-theme", g_variant_new_string (theme));
            g_menu_append_item (others, item);
            g_hash_table_add (seen, (gpointer) theme);
          }
      }
    if (g_menu_model_get_n_items (G_MENU_MODEL (others)) > 0)
      g_menu_append_section (menu, NULL, G_MENU_MODEL (others));
  }
  gtk_menu_button_set_menu_model (self->theme_button, G_MENU_MODEL (menu));
}

static void
load_supporters (NremRecommendationEditor *self)
{
  g_auto(GStrv) supporters = nrem_json_array_parse (field (self, "supporters"));

  for (guint i = 0; i < self->supporter_rows->len; i++)
    adw_preferences_group_remove (self->supporters_group, g_ptr_array_index (self->supporter_rows, i));
  g_ptr_array_set_size (self->supporter_rows, 0);

  for (guint i = 0; supporters[i] != NULL; i++)
    {
      g_autofree char *name = get_store (self) ? nrem_store_dup_participant_name (get_store (self), supporters[i]) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s from the supporters"),
                                                       name ? name : _("this participant"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : _("(not in the directory)"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-supporter");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_string (supporters[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->supporters_group, row);
      g_ptr_array_add (self->supporter_rows, row);
    }
  if (supporters[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No supporters yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->supporters_group, row);
      g_ptr_array_add (self->supporter_rows, row);
    }
}

static void
load (NremRecommendationEditor *self)
{
  const NremParagraphInfo *info;
  const char *status;
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gboolean read_only;

  if (self->record == NULL)
    return;
  self->loading = TRUE;
  info = nrem_paragraph_info_get (self->record);
  status = field (self, "status");
  read_only = get_store (self) == NULL || nrem_store_is_read_only (get_store (self));

  if (info != NULL && info->number[0] != '\0')
    title = g_strdup_printf (_("Recommendation %s"), info->number);
  else if (g_strcmp0 (status, "withdrawn") == 0)
    title = g_strdup (_("Withdrawn Recommendation"));
  else
    title = g_strdup (_("Recommendation"));
  gtk_label_set_label (self->title_label, title);
  if (info != NULL && info->section != NULL)
    g_string_append (subtitle, info->section);
  if (get_store (self) != NULL)
    {
      guint n = nrem_store_count_revisions (get_store (self), nrem_record_get_uuid (NREM_RECORD (self->record)));

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u revision", "%u revisions", n), n);
    }
  gtk_label_set_label (self->subtitle_label, subtitle->str);
  gtk_widget_set_visible (self->conflict_box, info != NULL && info->conflict);

  if (!self->text_dirty)
    {
      g_autofree char *current = buffer_text (self);
      const char *text = field (self, "text");

      if (g_strcmp0 (current, text ? text : "") != 0)
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

          /* another record's text, or another machine's: not something to undo into */
          gtk_text_buffer_begin_irreversible_action (buffer);
          gtk_text_buffer_set_text (buffer, text ? text : "", -1);
          indent_subparagraphs (self);
          gtk_text_buffer_end_irreversible_action (buffer);
        }
    }
  update_hint (self);

  adw_combo_row_set_selected (self->status_row, status_index (status));
  {
    const char *next = nrem_recommendation_status_next (status);

    gtk_widget_set_visible (GTK_WIDGET (self->next_button), next != NULL);
    if (next != NULL)
      {
        gtk_button_set_label (self->next_button, nrem_recommendation_status_action (next));
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        nrem_recommendation_status_action (next), -1);
      }
  }
  /* the list of the others is long in a long meeting: made when it is shown */
  if (g_strcmp0 (status, "merged") == 0)
    load_merge_targets (self);
  gtk_widget_set_visible (GTK_WIDGET (self->merged_row), g_strcmp0 (status, "merged") == 0);
  {
    guint chosen = 0;

    for (guint i = 1; i < self->merge_uuids->len; i++)
      if (g_strcmp0 (g_ptr_array_index (self->merge_uuids, i), field (self, "merged_into")) == 0)
        chosen = i;
    adw_combo_row_set_selected (self->merged_row, chosen);
  }

  gtk_switch_set_active (self->bracketed_switch, g_strcmp0 (field (self, "bracketed"), "1") == 0);
  {
    const char *alt = field (self, "alternative");
    guint a = alt != NULL ? (guint) g_ascii_strtoull (alt, NULL, 10) : 0;

    adw_combo_row_set_selected (self->alternative_row, MIN (a, N_ALTERNATIVES - 1));
  }

  if (!self->theme_dirty)
    {
      const char *theme = field (self, "theme");

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->theme_row)), theme ? theme : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->theme_row), theme ? theme : "");
    }
  load_theme_menu (self);

  {
    g_auto(GStrv) addressees = nrem_json_array_parse (field (self, "addressees"));

    for (guint i = 0; i < self->addressee_checks->len; i++)
      gtk_check_button_set_active (g_ptr_array_index (self->addressee_checks, i),
                                   g_strv_contains ((const char * const *) addressees, nrem_addressees[i]));
  }

  {
    guint chosen = 0;

    for (guint i = 1; i < self->session_uuids->len; i++)
      if (g_strcmp0 (g_ptr_array_index (self->session_uuids, i), field (self, "session")) == 0)
        chosen = i;
    adw_combo_row_set_selected (self->session_row, chosen);
  }

  {
    g_autofree char *name = NULL;

    if (field (self, "proposer") != NULL && get_store (self) != NULL)
      name = nrem_store_dup_participant_name (get_store (self), field (self, "proposer"));
    adw_action_row_set_subtitle (self->proposer_row, name != NULL ? name : _("Nobody yet"));
    gtk_widget_set_visible (GTK_WIDGET (self->proposer_clear_button), field (self, "proposer") != NULL);
  }
  load_supporters (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), !read_only);
  gtk_text_view_set_editable (self->text_view, !read_only);
  if (read_only && get_store (self) != NULL)
    set_save_state (self, _("Read-only"), FALSE);
  self->loading = FALSE;
}

static void
on_record_notify_cb (NremRecommendationEditor *self)
{
  if (!self->loading)
    load (self);
}

/* ------------------------------------------------------------------------------------------ */

static void
nrem_recommendation_editor_dispose (GObject *object)
{
  NremRecommendationEditor *self = (NremRecommendationEditor *) object;

  g_clear_handle_id (&self->text_source, g_source_remove);
  g_clear_handle_id (&self->theme_source, g_source_remove);
  if (self->record != NULL && self->notify_id != 0)
    g_clear_signal_handler (&self->notify_id, self->record);
  if (self->list != NULL && self->labels_id != 0)
    g_clear_signal_handler (&self->labels_id, self->list);
  g_clear_object (&self->record);
  g_clear_object (&self->list);
  g_clear_object (&self->people);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_RECOMMENDATION_EDITOR);
  /* the template's unnamed top box */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (nrem_recommendation_editor_parent_class)->dispose (object);
}

static void
nrem_recommendation_editor_finalize (GObject *object)
{
  NremRecommendationEditor *self = (NremRecommendationEditor *) object;

  g_free (self->author);
  g_free (self->author_name);
  g_free (self->save_state);
  g_ptr_array_unref (self->session_uuids);
  g_ptr_array_unref (self->merge_uuids);
  g_ptr_array_unref (self->addressee_checks);
  g_ptr_array_unref (self->supporter_rows);
  G_OBJECT_CLASS (nrem_recommendation_editor_parent_class)->finalize (object);
}

static void
nrem_recommendation_editor_class_init (NremRecommendationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_recommendation_editor_dispose;
  object_class->finalize = nrem_recommendation_editor_finalize;

  g_type_ensure (NREM_TYPE_PARTICIPANT_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/recommendations/nrem-recommendation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, text_hint);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, save_label);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, status_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, next_button);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, merged_row);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, merged_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, bracketed_switch);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, alternative_row);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, alternative_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, theme_row);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, theme_button);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, session_row);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, session_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, addressees_group);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, proposer_row);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, proposer_clear_button);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, proposer_picker);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, supporter_picker);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationEditor, supporters_group);
  gtk_widget_class_bind_template_callback (widget_class, on_proposer_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_supporter_picked_cb);

  gtk_widget_class_install_action (widget_class, "editor.insert-subparagraph", "i", insert_subparagraph_action);
  gtk_widget_class_install_action (widget_class, "editor.bracket", NULL, bracket_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.advance", NULL, advance_action);
  gtk_widget_class_install_action (widget_class, "editor.clear-proposer", NULL, clear_proposer_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-supporter", "s", remove_supporter_action);
  gtk_widget_class_install_action (widget_class, "editor.set-theme", "s", set_theme_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action,
              GVariant              *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_named_action_new (action));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
nrem_recommendation_editor_init (NremRecommendationEditor *self)
{
  GtkEventController *controller;
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();
  g_autoptr(GPtrArray) alternatives = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_uuids = g_ptr_array_new_with_free_func (g_free);
  self->merge_uuids = g_ptr_array_new_with_free_func (g_free);
  self->addressee_checks = g_ptr_array_new ();
  self->supporter_rows = g_ptr_array_new ();

  for (guint i = 0; nrem_recommendation_statuses[i] != NULL; i++)
    g_ptr_array_add (statuses, (gpointer) nrem_recommendation_status_label (nrem_recommendation_statuses[i]));
  g_ptr_array_add (statuses, NULL);
  gtk_string_list_splice (self->status_model, 0, 0, (const char * const *) statuses->pdata);

  g_ptr_array_add (alternatives, g_strdup (_("None")));
  for (int i = 1; i < N_ALTERNATIVES; i++)
    g_ptr_array_add (alternatives, g_strdup (nrem_latin_multiplier (i)));
  fill_string_list (self->alternative_model, alternatives);

  for (guint i = 0; nrem_addressees[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nrem_addressee_label (nrem_addressees[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      nrem_addressee_label (nrem_addressees[i]), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_addressee_toggled_cb), self);
      adw_preferences_group_add (self->addressees_group, row);
      g_ptr_array_add (self->addressee_checks, check);
    }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (on_buffer_changed_cb), self);
  g_signal_connect_swapped (self->text_scroller, "notify::hadjustment", G_CALLBACK (on_text_resized_cb), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (self->text_scroller), "changed",
                            G_CALLBACK (on_text_resized_cb), self);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_text_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  /* before the text view's own keys: Ctrl+Enter is a subparagraph, not a new line */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>Return", "editor.insert-subparagraph", g_variant_new_int32 (1));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>KP_Enter", "editor.insert-subparagraph", g_variant_new_int32 (1));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control><Shift>Return", "editor.insert-subparagraph", g_variant_new_int32 (2));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>bracketleft", "editor.bracket", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  g_signal_connect_swapped (self->theme_row, "changed", G_CALLBACK (on_theme_changed_cb), self);
  g_signal_connect_swapped (self->theme_row, "entry-activated", G_CALLBACK (on_theme_activated_cb), self);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_theme_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->theme_row), controller);

  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (on_status_selected_cb), self);
  g_signal_connect_swapped (self->merged_row, "notify::selected", G_CALLBACK (on_merged_selected_cb), self);
  g_signal_connect_swapped (self->alternative_row, "notify::selected", G_CALLBACK (on_alternative_selected_cb), self);
  g_signal_connect_swapped (self->session_row, "notify::selected", G_CALLBACK (on_session_selected_cb), self);
  g_signal_connect_swapped (self->bracketed_switch, "notify::active", G_CALLBACK (on_bracketed_cb), self);

  gtk_widget_set_visible (GTK_WIDGET (self->text_hint), FALSE);

  /* AdwEntryRow 1.2 does not name the text inside it, which takes the focus */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->theme_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Theme"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Next step of the workflow"), -1);
}

GtkWidget *
nrem_recommendation_editor_new (void)
{
  return g_object_new (NREM_TYPE_RECOMMENDATION_EDITOR, NULL);
}

/**
 * nrem_recommendation_editor_set_context:
 * @people: the directory, for the proposer and supporter pickers
 */
void
nrem_recommendation_editor_set_context (NremRecommendationEditor *self,
                                        NremSession              *session,
                                        NremRecommendationList   *list,
                                        GListModel               *people)
{
  g_return_if_fail (NREM_IS_RECOMMENDATION_EDITOR (self));

  g_set_object (&self->session, session);
  if (self->list != list)
    {
      if (self->list != NULL && self->labels_id != 0)
        g_clear_signal_handler (&self->labels_id, self->list);
      g_set_object (&self->list, list);
      if (list != NULL)
        self->labels_id = g_signal_connect_swapped (list, "labels-changed", G_CALLBACK (on_record_notify_cb), self);
    }
  g_set_object (&self->people, people);
  nrem_participant_picker_set_people (self->proposer_picker, people);
  nrem_participant_picker_set_people (self->supporter_picker, people);
}

void
nrem_recommendation_editor_set_author (NremRecommendationEditor *self,
                                       const char               *uuid,
                                       const char               *name)
{
  g_free (self->author);
  self->author = g_strdup (uuid);
  g_free (self->author_name);
  self->author_name = g_strdup (name);
}

NremRecommendation *
nrem_recommendation_editor_get_record (NremRecommendationEditor *self)
{
  return self->record;
}

/**
 * nrem_recommendation_editor_set_record:
 *
 * Shows another recommendation, after saving what is pending for this one.
 */
void
nrem_recommendation_editor_set_record (NremRecommendationEditor *self,
                                       NremRecommendation       *record)
{
  g_return_if_fail (NREM_IS_RECOMMENDATION_EDITOR (self));

  if (self->record == record)
    return;
  nrem_recommendation_editor_flush (self);
  /* a text that could not be saved stays on screen rather than vanish */
  if (self->text_dirty && self->record != NULL)
    {
      toast (self, _("The text of the recommendation could not be saved; it stays open until it is."));
      return;
    }

  if (self->record != NULL && self->notify_id != 0)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_set_object (&self->record, record);
  self->text_dirty = FALSE;
  self->theme_dirty = FALSE;
  set_save_state (self, "", FALSE);
  if (record == NULL)
    return;
  self->notify_id = g_signal_connect_swapped (record, "notify", G_CALLBACK (on_record_notify_cb), self);
  /* filling the rows' models moves their selection: that is not an edit */
  self->loading = TRUE;
  load_sessions (self);
  self->loading = FALSE;
  load (self);
  {
    /* the undo history of one recommendation does not reach into another's */
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

    gtk_text_buffer_set_enable_undo (buffer, FALSE);
    gtk_text_buffer_set_enable_undo (buffer, TRUE);
  }
}

/**
 * nrem_recommendation_editor_flush:
 *
 * Saves now what waits for its delay. Returns %FALSE when something could not be saved.
 */
gboolean
nrem_recommendation_editor_flush (NremRecommendationEditor *self)
{
  gboolean ok = flush_text (self);

  return flush_theme (self) && ok;
}

gboolean
nrem_recommendation_editor_has_pending (NremRecommendationEditor *self)
{
  return self->text_dirty || self->theme_dirty;
}

/**
 * nrem_recommendation_editor_refresh:
 *
 * The meeting's sessions or the directory changed.
 */
void
nrem_recommendation_editor_refresh (NremRecommendationEditor *self)
{
  if (self->record == NULL)
    return;
  self->loading = TRUE;
  load_sessions (self);
  self->loading = FALSE;
  load (self);
}

void
nrem_recommendation_editor_focus_text (NremRecommendationEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
nrem_recommendation_editor_set_folded (NremRecommendationEditor *self,
                                       gboolean                  folded)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded);
}

GtkTextView *
nrem_recommendation_editor_get_text_view (NremRecommendationEditor *self)
{
  return self->text_view;
}

/**
 * nrem_recommendation_editor_set_status:
 *
 * As choosing it in the Status row. Returns %FALSE when it could not be saved.
 */
gboolean
nrem_recommendation_editor_set_status (NremRecommendationEditor *self,
                                       const char               *status)
{
  if (g_strcmp0 (field (self, "status"), status) == 0)
    return TRUE;
  self->status_saved = FALSE;
  if (adw_combo_row_get_selected (self->status_row) == status_index (status))
    self->status_saved = change_status (self, status);
  else
    adw_combo_row_set_selected (self->status_row, status_index (status));
  return self->status_saved;
}

const char *
nrem_recommendation_editor_get_save_state (NremRecommendationEditor *self)
{
  return self->save_state;
}
