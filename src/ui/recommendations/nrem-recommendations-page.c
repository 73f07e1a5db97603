/* nrem-recommendations-page.c
 *
 * The page follows the session: its meeting, and the "changed" signal, after which it reads
 * the list again (on idle, once for a burst of changes). The list keeps its record objects,
 * so the selection and the editor stay put while numbers and sections move around them.
 * Writes go through the store's recommendation functions, one transaction each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-recommendations"

#include "config.h"

#include "nrem-recommendations-page-private.h"
#include "nrem-participant-picker.h"
#include "nrem-recommendation-history.h"
#include "nrem-recommendation-merge.h"
#include "nrem-recommendation-row.h"
#include "nrem-recommendation-rules.h"
#include "nrem-store-recommendations.h"
#include "nrem-error.h"

#include <glib/gi18n.h>
#include <string.h>

#define AUTHOR_META "author"

struct _NremRecommendationsPage
{
  GtkWidget                 parent_instance;

  NremSession              *session;
  NremRecommendationList   *list;
  GListStore               *people;
  NremRecommendationFilter  filter_state;
  char                     *pending_select;
  char                     *author;
  char                     *author_name;
  guint                     reload_source;
  gboolean                  people_stale;
  gboolean                  sessions_stale;
  gboolean                  updating_filters;
  GPtrArray                *theme_keys;      /* index 0: any; "" without a theme */
  GPtrArray                *proposer_keys;   /* index 0: any */
  GtkWindow                *dialog;          /* the history or merge window open */

  /* template */
  AdwToastOverlay          *toast_overlay;
  GtkMenuButton            *author_button;
  GtkLabel                 *author_label;
  NremParticipantPicker    *author_picker;
  AdwLeaflet               *leaflet;
  GtkSearchEntry           *search_entry;
  GtkDropDown              *group_dropdown;
  GtkDropDown              *status_filter;
  GtkStringList            *status_filter_model;
  GtkDropDown              *addressee_filter;
  GtkStringList            *addressee_filter_model;
  GtkDropDown              *theme_filter;
  GtkStringList            *theme_filter_model;
  GtkDropDown              *proposer_filter;
  GtkStringList            *proposer_filter_model;
  GtkRevealer              *filter_revealer;
  GtkLabel                 *filter_summary;
  GtkStack                 *list_stack;
  GtkListView              *list_view;
  GtkSingleSelection       *selection;
  GtkFilterListModel       *filter_model;
  GtkCustomFilter          *filter;
  GtkStack                 *editor_stack;
  NremRecommendationEditor *editor;
};

G_DEFINE_FINAL_TYPE (NremRecommendationsPage, nrem_recommendations_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (NremRecommendationsPage *self);

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static NremStore *
get_store (NremRecommendationsPage *self)
{
  return self->session != NULL ? nrem_session_get_store (self->session) : NULL;
}

static const char *
meeting_uuid (NremRecommendationsPage *self)
{
  NremMeeting *meeting = self->session != NULL ? nrem_session_get_meeting (self->session) : NULL;

  return meeting != NULL ? nrem_record_get_uuid (NREM_RECORD (meeting)) : NULL;
}

static AdwToast *
show_toast (NremRecommendationsPage *self,
            const char              *title)
{
  /* toast titles are markup */
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

static void
show_error (NremRecommendationsPage *self,
            const GError            *error)
{
  show_toast (self, error->message);
}

static gboolean
check_writable (NremRecommendationsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL)
    return FALSE;
  if (!nrem_store_check_writable (get_store (self), &error))
    {
      show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

NremRecommendation *
nrem_recommendations_page_get_selected (NremRecommendationsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static char *
number_label (NremRecommendation *record)
{
  const NremParagraphInfo *info = record != NULL ? nrem_paragraph_info_get (record) : NULL;

  if (info != NULL && info->number[0] != '\0')
    return g_strdup_printf (_("Recommendation %s"), info->number);
  return g_strdup (_("The recommendation"));
}

/* the position of a record among those shown, or GTK_INVALID_LIST_POSITION */
static guint
shown_position (NremRecommendationsPage *self,
                const char              *uuid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  for (guint i = 0; uuid != NULL && i < n; i++)
    {
      g_autoptr(NremRecord) r = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (g_strcmp0 (nrem_record_get_uuid (r), uuid) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

gboolean
nrem_recommendations_page_select_uuid (NremRecommendationsPage *self,
                                       const char              *uuid)
{
  guint position = shown_position (self, uuid);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Filters
 */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  NremRecommendationsPage *self = user_data;
  const NremParagraphInfo *info = nrem_paragraph_info_get (item);

  return nrem_recommendation_filter_match (&self->filter_state, nrem_record_get_row (NREM_RECORD (item)),
                                           info != NULL ? info->search_key : NULL);
}

static void
update_list_state (NremRecommendationsPage *self)
{
  guint total = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean filtered = !nrem_recommendation_filter_is_empty (&self->filter_state);

  if (meeting_uuid (self) == NULL)
    gtk_stack_set_visible_child_name (self->list_stack, "no-meeting");
  else if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  gtk_revealer_set_reveal_child (self->filter_revealer, filtered && total > 0);
  if (filtered)
    {
      g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u recommendation shown",
                                                               "%u of %u recommendations shown", total),
                                                  shown, total);

      gtk_label_set_label (self->filter_summary, summary);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recommendations.clear-filters", filtered);
}

static void
refilter (NremRecommendationsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_state (self);
}

static void
on_search_changed_cb (NremRecommendationsPage *self)
{
  g_free (self->filter_state.query);
  self->filter_state.query = nrem_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  refilter (self);
}

static void
on_stop_search_cb (NremRecommendationsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_search_activate_cb (NremRecommendationsPage *self)
{
  /* Enter in the search: to the first match */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
    }
}

static char *
dup_selected_key (GtkDropDown *dropdown,
                  GPtrArray   *keys)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (i == GTK_INVALID_LIST_POSITION || i == 0 || i >= keys->len)
    return NULL;
  return g_strdup (g_ptr_array_index (keys, i));
}

static void
on_filters_changed_cb (NremRecommendationsPage *self)
{
  guint s, a;

  if (self->updating_filters)
    return;
  s = gtk_drop_down_get_selected (self->status_filter);
  a = gtk_drop_down_get_selected (self->addressee_filter);
  g_free (self->filter_state.status);
  self->filter_state.status = s > 0 && s != GTK_INVALID_LIST_POSITION ? g_strdup (nrem_recommendation_statuses[s - 1]) : NULL;
  g_free (self->filter_state.addressee);
  self->filter_state.addressee = a > 0 && a != GTK_INVALID_LIST_POSITION ? g_strdup (nrem_addressees[a - 1]) : NULL;
  g_free (self->filter_state.theme);
  self->filter_state.theme = dup_selected_key (self->theme_filter, self->theme_keys);
  g_free (self->filter_state.proposer);
  self->filter_state.proposer = dup_selected_key (self->proposer_filter, self->proposer_keys);
  refilter (self);
}

/* The theme and proposer filters offer what the meeting's recommendations have. */
static void
rebuild_filter_choices (NremRecommendationsPage *self)
{
  g_autoptr(GPtrArray) theme_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) proposer_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) themes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) proposers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) proposer_pairs = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  gboolean without_theme = FALSE;
  guint selected_theme = 0, selected_proposer = 0;

  self->updating_filters = TRUE;
  g_ptr_array_set_size (self->theme_keys, 0);
  g_ptr_array_add (self->theme_keys, NULL);
  g_ptr_array_add (theme_labels, g_strdup (_("Any theme")));
  g_ptr_array_set_size (self->proposer_keys, 0);
  g_ptr_array_add (self->proposer_keys, NULL);
  g_ptr_array_add (proposer_labels, g_strdup (_("Anyone")));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremRecommendation) r = g_list_model_get_item (G_LIST_MODEL (self->list), i);
      const NremParagraphInfo *info = nrem_paragraph_info_get (r);
      const char *theme = nrem_record_get_string (NREM_RECORD (r), "theme");
      const char *proposer = nrem_record_get_string (NREM_RECORD (r), "proposer");

      if (theme == NULL)
        without_theme = TRUE;
      else if (!g_hash_table_contains (themes, theme))
        {
          g_hash_table_add (themes, (gpointer) theme);
          g_ptr_array_add (self->theme_keys, g_strdup (theme));
          g_ptr_array_add (theme_labels, g_strdup (theme));
        }
      if (proposer != NULL && !g_hash_table_contains (proposers, proposer))
        {
          g_hash_table_add (proposers, (gpointer) proposer);
          g_ptr_array_add (self->proposer_keys, g_strdup (proposer));
          g_ptr_array_add (proposer_labels, g_strdup (info && info->proposer_name ? info->proposer_name : proposer));
        }
    }
  if (without_theme)
    {
      g_ptr_array_add (self->theme_keys, g_strdup (""));
      g_ptr_array_add (theme_labels, g_strdup (_("Without a theme")));
    }
  for (guint i = 1; i < self->theme_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->theme_keys, i), self->filter_state.theme) == 0)
      selected_theme = i;
  for (guint i = 1; i < self->proposer_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->proposer_keys, i), self->filter_state.proposer) == 0)
      selected_proposer = i;

  g_ptr_array_add (theme_labels, NULL);
  g_ptr_array_add (proposer_labels, NULL);
  gtk_string_list_splice (self->theme_filter_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->theme_filter_model)),
                          (const char * const *) theme_labels->pdata);
  gtk_string_list_splice (self->proposer_filter_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->proposer_filter_model)),
                          (const char * const *) proposer_labels->pdata);
  gtk_drop_down_set_selected (self->theme_filter, selected_theme);
  gtk_drop_down_set_selected (self->proposer_filter, selected_proposer);
  self->updating_filters = FALSE;

  /* a theme or a proposer that is no longer there filters nothing */
  if ((self->filter_state.theme != NULL && selected_theme == 0) ||
      (self->filter_state.proposer != NULL && selected_proposer == 0))
    on_filters_changed_cb (self);
}

static void
clear_filters (NremRecommendationsPage *self)
{
  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->addressee_filter, 0);
  gtk_drop_down_set_selected (self->theme_filter, 0);
  gtk_drop_down_set_selected (self->proposer_filter, 0);
  self->updating_filters = FALSE;
  nrem_recommendation_filter_clear (&self->filter_state);
  refilter (self);
}

static void
on_group_changed_cb (NremRecommendationsPage *self)
{
  NremGrouping grouping;
  guint i = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->updating_filters || self->list == NULL)
    return;
  grouping = i == 1 ? NREM_GROUPING_ADDRESSEE : i == 2 ? NREM_GROUPING_NONE : NREM_GROUPING_THEME;
  if (grouping == nrem_recommendation_list_get_grouping (self->list))
    return;
  nrem_recommendation_list_set_grouping (self->list, grouping);
  /* remembered in the database: the command line's exports follow it */
  if (get_store (self) != NULL && !nrem_store_is_read_only (get_store (self)))
    nrem_store_set_meta (get_store (self), NREM_OUTCOME_GROUPING_META, nrem_grouping_to_string (grouping), NULL);
  {
    NremRecommendation *selected = nrem_recommendations_page_get_selected (self);

    g_free (self->pending_select);
    self->pending_select = selected ? g_strdup (nrem_record_get_uuid (NREM_RECORD (selected))) : NULL;
  }
  reload (self);
}

/* ------------------------------------------------------------------------------------------
 * Loading
 */

static void
update_author (NremRecommendationsPage *self)
{
  g_autofree char *label = NULL;

  if (self->author_name != NULL)
    label = g_strdup_printf (_("Writing as %s"), self->author_name);
  else
    label = g_strdup (_("Who is writing?"));
  gtk_label_set_label (self->author_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->author_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  nrem_recommendation_editor_set_author (self->editor, self->author, self->author_name);
}

static void
load_author (NremRecommendationsPage *self)
{
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->author_name, g_free);
  if (get_store (self) != NULL)
    {
      self->author = nrem_store_get_meta (get_store (self), AUTHOR_META);
      if (self->author != NULL)
        self->author_name = nrem_store_dup_participant_name (get_store (self), self->author);
      if (self->author_name == NULL)
        g_clear_pointer (&self->author, g_free);
    }
  update_author (self);
}

static void
load_people (NremRecommendationsPage *self)
{
  g_autoptr(GListStore) people = NULL;

  self->people_stale = FALSE;
  if (get_store (self) == NULL)
    return;
  people = nrem_person_items_load (get_store (self), meeting_uuid (self), NULL);
  if (people == NULL)
    return;
  g_set_object (&self->people, people);
  nrem_participant_picker_set_people (self->author_picker, G_LIST_MODEL (self->people));
  nrem_recommendation_editor_set_context (self->editor, self->session, self->list, G_LIST_MODEL (self->people));
}

static void
show_editor_for_selection (NremRecommendationsPage *self)
{
  NremRecommendation *selected = nrem_recommendations_page_get_selected (self);

  nrem_recommendation_editor_set_record (self->editor, selected);
  gtk_stack_set_visible_child_name (self->editor_stack,
                                    nrem_recommendation_editor_get_record (self->editor) != NULL ? "editor" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recommendations.delete", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recommendations.history", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recommendations.move-up", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recommendations.move-down", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recommendations.merge",
                                 selected != NULL && nrem_paragraph_info_get (selected) != NULL &&
                                 nrem_paragraph_info_get (selected)->conflict);
}

static void
reload (NremRecommendationsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = NULL;
  NremRecommendation *selected;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->list == NULL)
    return;

  selected = nrem_recommendations_page_get_selected (self);
  keep = self->pending_select != NULL ? g_steal_pointer (&self->pending_select)
         : selected != NULL ? g_strdup (nrem_record_get_uuid (NREM_RECORD (selected))) : NULL;

  if (self->people_stale)
    load_people (self);
  nrem_recommendation_list_set_meeting (self->list, meeting_uuid (self));
  if (!nrem_recommendation_list_reload (self->list, &error))
    show_error (self, error);
  rebuild_filter_choices (self);
  /* a changed status or text may now match the filters, or not */
  if (!nrem_recommendation_filter_is_empty (&self->filter_state))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_state (self);

  if (keep != NULL)
    {
      NremRecommendation *now = nrem_recommendations_page_get_selected (self);

      if (now == NULL || g_strcmp0 (nrem_record_get_uuid (NREM_RECORD (now)), keep) != 0 ||
          gtk_single_selection_get_selected (self->selection) != shown_position (self, keep))
        nrem_recommendations_page_select_uuid (self, keep);
    }
  if (self->sessions_stale)
    {
      self->sessions_stale = FALSE;
      nrem_recommendation_editor_refresh (self->editor);
    }
  show_editor_for_selection (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  NremRecommendationsPage *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (NremRecommendationsPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
on_session_changed_cb (NremRecommendationsPage *self,
                       guint                    kind)
{
  switch (kind)
    {
    case NREM_ENTITY_PARTICIPANT:
    case NREM_ENTITY_ATTENDANCE:
      self->people_stale = TRUE;
      queue_reload (self);
      break;
    case NREM_ENTITY_SESSION:
      self->sessions_stale = TRUE;
      queue_reload (self);
      break;
    case NREM_ENTITY_RECOMMENDATION:
    case NREM_ENTITY_REVISION:
    case NREM_ENTITY_MEETING:
      queue_reload (self);
      break;
    default:
      break;
    }
}

static void
on_meeting_changed_cb (NremRecommendationsPage *self)
{
  nrem_recommendation_editor_flush (self->editor);
  nrem_recommendation_editor_set_record (self->editor, NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_clear_pointer (&self->pending_select, g_free);
  self->people_stale = TRUE;
  self->sessions_stale = TRUE;
  reload (self);
  /* the first recommendation, ready to read */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

static void
on_selection_changed_cb (NremRecommendationsPage *self)
{
  show_editor_for_selection (self);
}

static void
on_filtered_changed_cb (NremRecommendationsPage *self)
{
  update_list_state (self);
}

static void
on_list_activate_cb (NremRecommendationsPage *self,
                     guint                    position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  nrem_recommendation_editor_focus_text (self->editor);
}

static void
on_list_click_released_cb (NremRecommendationsPage *self)
{
  /* folded, a click on a row opens it */
  if (adw_leaflet_get_folded (self->leaflet) && nrem_recommendations_page_get_selected (self) != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_folded_cb (NremRecommendationsPage *self)
{
  nrem_recommendation_editor_set_folded (self->editor, adw_leaflet_get_folded (self->leaflet));
}

static void
on_author_picked_cb (NremRecommendationsPage *self,
                     const char              *uuid,
                     const char              *name)
{
  nrem_recommendations_page_set_author (self, uuid);
}

/* ------------------------------------------------------------------------------------------
 * Actions
 */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (widget);
  NremRecommendation *selected = nrem_recommendations_page_get_selected (self);
  g_auto(GStrv) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  const char *fields[4] = { NULL };
  const char *values[4] = { NULL };
  guint n = 0, index;

  if (meeting_uuid (self) == NULL || !check_writable (self))
    return;
  nrem_recommendation_editor_flush (self->editor);
  order = nrem_recommendation_list_dup_order (self->list);
  index = g_strv_length (order);
  /* after the one selected, in its section */
  if (selected != NULL && nrem_paragraph_info_get (selected) != NULL)
    {
      index = nrem_paragraph_info_get (selected)->index + 1;
      fields[n] = "theme";
      values[n++] = nrem_record_get_string (NREM_RECORD (selected), "theme");
      fields[n] = "addressees";
      values[n++] = nrem_record_get_string (NREM_RECORD (selected), "addressees");
    }
  if (self->author != NULL)
    {
      fields[n] = "proposer";
      values[n++] = self->author;
    }
  uuid = nrem_store_create_recommendation (get_store (self), meeting_uuid (self), (const char * const *) order,
                                           index, fields, values, &error);
  if (uuid == NULL)
    {
      show_error (self, error);
      return;
    }
  /* the new one is seen, whatever the filters */
  clear_filters (self);
  g_free (self->pending_select);
  self->pending_select = g_strdup (uuid);
  reload (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  nrem_recommendation_editor_focus_text (self->editor);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (!nrem_store_undelete (get_store (self), NREM_ENTITY_RECOMMENDATION, uuid, &error))
    {
      show_error (self, error);
      return;
    }
  g_free (self->pending_select);
  self->pending_select = g_strdup (uuid);
  reload (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (widget);
  NremRecommendation *selected = nrem_recommendations_page_get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;
  guint position;
  AdwToast *toast;

  if (selected == NULL || !check_writable (self))
    return;
  nrem_recommendation_editor_flush (self->editor);
  uuid = g_strdup (nrem_record_get_uuid (NREM_RECORD (selected)));
  what = number_label (selected);
  position = gtk_single_selection_get_selected (self->selection);
  if (!nrem_store_delete (get_store (self), NREM_ENTITY_RECOMMENDATION, uuid, &error))
    {
      show_error (self, error);
      return;
    }
  /* the neighbour takes the selection */
  nrem_recommendation_editor_set_record (self->editor, NULL);
  reload (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) - 1));
  title = g_strdup_printf (_("%s was deleted"), what);
  toast = show_toast (self, title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_target_value (toast, g_variant_new_string (uuid));
  adw_toast_set_action_name (toast, "recommendations.undo-delete");
}

/* The row of a record, among the rows the list view has made */
static GtkWidget *
find_row_item (NremRecommendationsPage *self,
               const char              *uuid)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      NremRecommendation *record;


      if (row == NULL || !NREM_IS_RECOMMENDATION_ROW (row) || !gtk_widget_get_child_visible (item))
        continue;
      record = nrem_recommendation_row_get_record (NREM_RECOMMENDATION_ROW (row));
      if (record != NULL && g_strcmp0 (nrem_record_get_uuid (NREM_RECORD (record)), uuid) == 0)
        return item;
    }
  return NULL;
}

typedef struct
{
  NremRecommendationsPage *self;
  char                    *uuid;
  guint                    tries;
} FocusLater;

static void
focus_later_free (FocusLater *later)
{
  g_object_unref (later->self);
  g_free (later->uuid);
  g_free (later);
}

static gboolean
focus_row_cb (gpointer user_data)
{
  FocusLater *later = user_data;
  GtkWidget *item = find_row_item (later->self, later->uuid);

  /* the list view makes the row when it lays itself out: a frame or two */
  if (item == NULL && ++later->tries < 20)
    return G_SOURCE_CONTINUE;
  if (item != NULL)
    gtk_widget_grab_focus (item);
  return G_SOURCE_REMOVE;
}

/* The keyboard follows a row that moved, for the next Alt+Up or Alt+Down. */
static void
focus_row_later (NremRecommendationsPage *self,
                 const char              *uuid)
{
  FocusLater *later = g_new0 (FocusLater, 1);

  later->self = g_object_ref (self);
  later->uuid = g_strdup (uuid);
  g_timeout_add_full (G_PRIORITY_LOW, 16, focus_row_cb, later, (GDestroyNotify) focus_later_free);
}

static void
move (NremRecommendationsPage *self,
      const char              *uuid_in,
      guint                    to,
      NremRecommendation      *join)
{
  /* the record's own string goes with its old version when the list reloads */
  g_autofree char *uuid = g_strdup (uuid_in);
  g_autoptr(GError) error = NULL;
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self->list_view)) ||
                       (gtk_widget_get_state_flags (GTK_WIDGET (self->list_view)) & GTK_STATE_FLAG_FOCUS_WITHIN);

  if (!check_writable (self))
    return;
  nrem_recommendation_editor_flush (self->editor);
  if (!nrem_recommendation_list_move (self->list, uuid, to, join, &error))
    {
      show_error (self, error);
      return;
    }
  g_free (self->pending_select);
  self->pending_select = g_strdup (uuid);
  reload (self);
  if (had_focus)
    focus_row_later (self, uuid);
  {
    NremRecommendation *moved = nrem_recommendation_list_find (self->list, uuid, NULL);
    const NremParagraphInfo *info = moved ? nrem_paragraph_info_get (moved) : NULL;
    g_autofree char *label = number_label (moved);
    g_autofree char *message = NULL;

    /* a screen reader hears where it went */
    if (info != NULL && info->section != NULL)
      message = g_strdup_printf (_("%s, in “%s”"), label, info->section);
    else
      message = g_strdup (label);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    message, -1);
  }
}

static NremRecommendation *
shown_neighbour (NremRecommendationsPage *self,
                 int                      step)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autoptr(NremRecommendation) item = NULL;

  if (position == GTK_INVALID_LIST_POSITION || (step < 0 && position == 0) || (step > 0 && position + 1 >= n))
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position + step);
  return item;  /* the list holds it */
}

static void
move_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (widget);
  NremRecommendation *selected = nrem_recommendations_page_get_selected (self);
  gboolean up = g_str_has_suffix (action_name, "up");
  NremRecommendation *neighbour;
  const NremParagraphInfo *own, *other;
  gboolean same_section;
  guint to;

  if (selected == NULL)
    return;
  neighbour = shown_neighbour (self, up ? -1 : 1);
  if (neighbour == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  own = nrem_paragraph_info_get (selected);
  other = nrem_paragraph_info_get (neighbour);
  same_section = nrem_recommendation_list_get_grouping (self->list) == NREM_GROUPING_NONE ||
                 g_strcmp0 (own->section_key, other->section_key) == 0;
  if (same_section)
    to = up ? other->index : other->index + 1;
  else
    /* across a section's edge: it stays in place and joins the section it moved into */
    to = up ? other->index + 1 : other->index;
  move (self, nrem_record_get_uuid (NREM_RECORD (selected)), to, same_section ? NULL : neighbour);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (widget);
  const char *uuid, *target;
  guint to;

  g_variant_get (parameter, "(&su&s)", &uuid, &to, &target);
  move (self, uuid, to, nrem_recommendation_list_find (self->list, target, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  clear_filters (NREM_RECOMMENDATIONS_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (widget);

  nrem_recommendation_editor_flush (self->editor);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_dialog_destroy_cb (NremRecommendationsPage *self)
{
  self->dialog = NULL;
}

static void
present_dialog (NremRecommendationsPage *self,
                GtkWidget               *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  self->dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroy_cb), self, G_CONNECT_SWAPPED);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (widget);
  NremRecommendation *selected = nrem_recommendations_page_get_selected (self);
  g_autofree char *label = NULL;
  GtkWidget *dialog;

  if (selected == NULL)
    return;
  nrem_recommendation_editor_flush (self->editor);
  label = number_label (selected);
  dialog = nrem_recommendation_history_new (self->session, selected, label);
  nrem_recommendation_history_set_author (NREM_RECOMMENDATION_HISTORY (dialog), self->author, self->author_name);
  present_dialog (self, dialog);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (widget);
  NremRecommendation *selected = nrem_recommendations_page_get_selected (self);
  g_autofree char *label = NULL;
  GtkWidget *dialog;

  if (selected == NULL || !check_writable (self))
    return;
  nrem_recommendation_editor_flush (self->editor);
  label = number_label (selected);
  dialog = nrem_recommendation_merge_new (self->session, selected, label);
  nrem_recommendation_merge_set_author (NREM_RECOMMENDATION_MERGE (dialog), self->author, self->author_name);
  present_dialog (self, dialog);
}

/* ------------------------------------------------------------------------------------------
 * Export and print
 */

typedef struct
{
  char               *db_path;
  char               *meeting;
  char               *path;
  NremOutcomeVersion  version;
  NremGrouping        grouping;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_free (job->meeting);
  g_free (job->path);
  g_free (job);
}

/* on a worker thread, with a connection of its own */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(NremStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = nrem_store_open (job->db_path, &error);
  if (store == NULL ||
      !nrem_outcome_export (store, job->meeting, job->version, job->grouping, job->path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    show_error (NREM_RECOMMENDATIONS_PAGE (widget), error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_error (self, error);
  else
    {
      g_autofree char *base = g_path_get_basename (job->path);
      g_autofree char *title = g_strdup_printf (_("Saved “%s”"), base);
      AdwToast *toast = show_toast (self, title);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_target_value (toast, g_variant_new_string (job->path));
      adw_toast_set_action_name (toast, "recommendations.open-file");
    }
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (user_data);
  NremOutcomeVersion version = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "version"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  ExportJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || g_file_peek_path (file) == NULL || meeting_uuid (self) == NULL)
    {
      g_object_unref (self);
      return;
    }

  path = g_strdup (g_file_peek_path (file));
  if (nrem_outcome_format_for_path (path) == NREM_OUTCOME_FORMAT_UNKNOWN)
    {
      /* a name without a known ending is a PDF */
      char *with = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with;
    }
  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (nrem_store_get_path (get_store (self)));
  job->meeting = g_strdup (meeting_uuid (self));
  job->path = g_steal_pointer (&path);
  job->version = version;
  job->grouping = nrem_recommendation_list_get_grouping (self->list);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
  g_object_unref (self);
}

static char *
suggested_name (NremRecommendationsPage *self,
                NremOutcomeVersion       version)
{
  NremMeeting *meeting = nrem_session_get_meeting (self->session);
  const char *short_title = nrem_record_get_string (NREM_RECORD (meeting), "short_title");
  const char *start = nrem_record_get_string (NREM_RECORD (meeting), "start_date");
  g_autofree char *base = g_strdup_printf ("%s %s", short_title ? short_title : _("Meeting"),
                                           version == NREM_OUTCOME_CLEAN ? _("recommendations")
                                                                         : _("negotiation text"));

  g_strdelimit (base, "/\\:", '-');
  return start != NULL ? g_strdup_printf ("%s %.4s.pdf", base, start) : g_strdup_printf ("%s.pdf", base);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (widget);
  NremOutcomeVersion version = g_strcmp0 (g_variant_get_string (parameter, NULL), "negotiation") == 0
                               ? NREM_OUTCOME_NEGOTIATION : NREM_OUTCOME_CLEAN;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  static const struct { const char *name; const char *pattern; const char *mime; } formats[] = {
    { N_("PDF"), "*.pdf", "application/pdf" },
    { N_("OpenDocument Text"), "*.odt", "application/vnd.oasis.opendocument.text" },
    { N_("Markdown"), "*.md", "text/markdown" },
  };

  if (meeting_uuid (self) == NULL)
    return;
  nrem_recommendation_editor_flush (self->editor);
  dialog = gtk_file_chooser_native_new (version == NREM_OUTCOME_CLEAN ? _("Export Clean Version")
                                                                      : _("Export Negotiation Text"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_pattern (filter, formats[i].pattern);
      gtk_file_filter_add_mime_type (filter, formats[i].mime);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  name = suggested_name (self, version);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "version", GINT_TO_POINTER (version));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   NremDocument      *doc)
{
  guint pages = nrem_document_paginate (doc, gtk_print_context_get_cairo_context (context),
                                        gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) pages);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 NremDocument      *doc)
{
  nrem_document_render_page (doc, gtk_print_context_get_cairo_context (context), (guint) page);
}

static GtkPrintOperation *
make_print_operation (NremRecommendationsPage  *self,
                      NremOutcomeVersion        version,
                      GError                  **error)
{
  g_autoptr(NremOutcome) outcome = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperation *operation;
  NremDocument *doc;

  outcome = nrem_outcome_new (get_store (self), meeting_uuid (self), version,
                              nrem_recommendation_list_get_grouping (self->list), error);
  if (outcome == NULL)
    return NULL;
  doc = nrem_outcome_to_document (outcome);
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, nrem_outcome_get_title (outcome));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), doc);
  g_object_set_data_full (G_OBJECT (operation), "nrem-document", doc, (GDestroyNotify) nrem_document_free);
  return operation;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (widget);
  NremOutcomeVersion version = g_strcmp0 (g_variant_get_string (parameter, NULL), "negotiation") == 0
                               ? NREM_OUTCOME_NEGOTIATION : NREM_OUTCOME_CLEAN;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (meeting_uuid (self) == NULL)
    return;
  nrem_recommendation_editor_flush (self->editor);
  operation = make_print_operation (self, version, &error);
  if (operation == NULL ||
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error);
}

gboolean
nrem_recommendations_page_print_to_file (NremRecommendationsPage  *self,
                                         NremOutcomeVersion        version,
                                         const char               *path,
                                         GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = make_print_operation (self, version, error);

  if (operation == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* ------------------------------------------------------------------------------------------ */

static void
nrem_recommendations_page_dispose (GObject *object)
{
  NremRecommendationsPage *self = (NremRecommendationsPage *) object;

  if (self->editor != NULL)
    nrem_recommendation_editor_flush (self->editor);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_RECOMMENDATIONS_PAGE);
  /* the template's unnamed top box */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->list);
  g_clear_object (&self->people);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (nrem_recommendations_page_parent_class)->dispose (object);
}

static void
nrem_recommendations_page_finalize (GObject *object)
{
  NremRecommendationsPage *self = (NremRecommendationsPage *) object;

  nrem_recommendation_filter_clear (&self->filter_state);
  g_free (self->pending_select);
  g_free (self->author);
  g_free (self->author_name);
  g_ptr_array_unref (self->theme_keys);
  g_ptr_array_unref (self->proposer_keys);
  G_OBJECT_CLASS (nrem_recommendations_page_parent_class)->finalize (object);
}

static void
nrem_recommendations_page_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_recommendations_page_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  NremRecommendationsPage *self = NREM_RECOMMENDATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nrem_recommendations_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ensure_css (void)
{
  static gboolean done;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/io/github/nremdesk/NremDesk/recommendations/recommendations.css");
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  done = TRUE;
}

static void
nrem_recommendations_page_class_init (NremRecommendationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_recommendations_page_dispose;
  object_class->finalize = nrem_recommendations_page_finalize;
  object_class->get_property = nrem_recommendations_page_get_property;
  object_class->set_property = nrem_recommendations_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NREM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NREM_TYPE_RECOMMENDATION_ROW);
  g_type_ensure (NREM_TYPE_RECOMMENDATION_EDITOR);
  g_type_ensure (NREM_TYPE_PARTICIPANT_PICKER);
  g_type_ensure (NREM_TYPE_RECOMMENDATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/recommendations/nrem-recommendations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, author_button);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, author_label);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, author_picker);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, status_filter_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, addressee_filter);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, addressee_filter_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, theme_filter);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, theme_filter_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, proposer_filter);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, proposer_filter_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, filter_summary);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, filter);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filtered_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_author_picked_cb);

  gtk_widget_class_install_action (widget_class, "recommendations.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "recommendations.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "recommendations.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "recommendations.move-up", NULL, move_step_action);
  gtk_widget_class_install_action (widget_class, "recommendations.move-down", NULL, move_step_action);
  gtk_widget_class_install_action (widget_class, "recommendations.move-to", "(sus)", move_to_action);
  gtk_widget_class_install_action (widget_class, "recommendations.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "recommendations.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "recommendations.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "recommendations.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "recommendations.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "recommendations.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "recommendations.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "recommendations.open-file", "s", open_file_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "recommendations.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "recommendations.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "recommendations.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "recommendations.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "recommendations.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "recommendations.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "recommendations.history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "recommendations.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "recommendations.export", "s", "clean");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "recommendations.print", "s", "clean");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nrem_recommendations_page_init (NremRecommendationsPage *self)
{
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();
  g_autoptr(GPtrArray) addressees = g_ptr_array_new ();
  GtkEventController *controller;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_css ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recommendations"), -1);

  self->theme_keys = g_ptr_array_new_with_free_func (g_free);
  self->proposer_keys = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (statuses, (gpointer) _("Any status"));
  for (guint i = 0; nrem_recommendation_statuses[i] != NULL; i++)
    g_ptr_array_add (statuses, (gpointer) nrem_recommendation_status_label (nrem_recommendation_statuses[i]));
  g_ptr_array_add (statuses, NULL);
  gtk_string_list_splice (self->status_filter_model, 0, 0, (const char * const *) statuses->pdata);
  g_ptr_array_add (addressees, (gpointer) _("Any addressee"));
  for (guint i = 0; nrem_addressees[i] != NULL; i++)
    g_ptr_array_add (addressees, (gpointer) nrem_addressee_label (nrem_addressees[i]));
  g_ptr_array_add (addressees, NULL);
  gtk_string_list_splice (self->addressee_filter_model, 0, 0, (const char * const *) addressees->pdata);

  gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  g_signal_connect_swapped (self->status_filter, "notify::selected", G_CALLBACK (on_filters_changed_cb), self);
  g_signal_connect_swapped (self->addressee_filter, "notify::selected", G_CALLBACK (on_filters_changed_cb), self);
  g_signal_connect_swapped (self->theme_filter, "notify::selected", G_CALLBACK (on_filters_changed_cb), self);
  g_signal_connect_swapped (self->proposer_filter, "notify::selected", G_CALLBACK (on_filters_changed_cb), self);
  g_signal_connect_swapped (self->group_dropdown, "notify::selected", G_CALLBACK (on_group_changed_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded_cb), self);

  /* Delete in the list deletes (with Undo); Ctrl+Delete does it from anywhere in the pane */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("recommendations.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  g_signal_connect_swapped (click, "released", G_CALLBACK (on_list_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  update_author (self);
  update_list_state (self);
  show_editor_for_selection (self);
}

GtkWidget *
nrem_recommendations_page_new (void)
{
  return g_object_new (NREM_TYPE_RECOMMENDATIONS_PAGE, NULL);
}

NremSession *
nrem_recommendations_page_get_session (NremRecommendationsPage *self)
{
  g_return_val_if_fail (NREM_IS_RECOMMENDATIONS_PAGE (self), NULL);
  return self->session;
}

void
nrem_recommendations_page_set_session (NremRecommendationsPage *self,
                                       NremSession             *session)
{
  g_return_if_fail (NREM_IS_RECOMMENDATIONS_PAGE (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  nrem_recommendation_editor_set_record (self->editor, NULL);
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  g_clear_object (&self->list);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      NremGrouping grouping = nrem_outcome_stored_grouping (get_store (self));

      self->list = nrem_recommendation_list_new (get_store (self));
      nrem_recommendation_list_set_grouping (self->list, grouping);
      self->updating_filters = TRUE;
      gtk_drop_down_set_selected (self->group_dropdown,
                                  grouping == NREM_GROUPING_ADDRESSEE ? 1 : grouping == NREM_GROUPING_NONE ? 2 : 0);
      self->updating_filters = FALSE;
      gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->list));
      g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::meeting", G_CALLBACK (on_meeting_changed_cb), self, G_CONNECT_SWAPPED);
      load_author (self);
      load_people (self);
      nrem_recommendation_editor_set_context (self->editor, session, self->list,
                                              self->people ? G_LIST_MODEL (self->people) : NULL);
      on_meeting_changed_cb (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * nrem_recommendations_page_flush:
 *
 * Saves what the editor holds; for the window to call before it closes.
 */
void
nrem_recommendations_page_flush (NremRecommendationsPage *self)
{
  nrem_recommendation_editor_flush (self->editor);
}

/* ------------------------------------------------------------------------------------------
 * For tests
 */

NremRecommendationList *
nrem_recommendations_page_get_list (NremRecommendationsPage *self)
{
  return self->list;
}

GListModel *
nrem_recommendations_page_get_shown (NremRecommendationsPage *self)
{
  return G_LIST_MODEL (self->filter_model);
}

NremRecommendationEditor *
nrem_recommendations_page_get_editor (NremRecommendationsPage *self)
{
  return self->editor;
}

GtkListView *
nrem_recommendations_page_get_list_view (NremRecommendationsPage *self)
{
  return self->list_view;
}

void
nrem_recommendations_page_set_search (NremRecommendationsPage *self,
                                      const char              *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed_cb (self);
}

void
nrem_recommendations_page_set_status_filter (NremRecommendationsPage *self,
                                             const char              *status)
{
  guint index = 0;

  for (guint i = 0; status != NULL && nrem_recommendation_statuses[i] != NULL; i++)
    if (strcmp (status, nrem_recommendation_statuses[i]) == 0)
      index = i + 1;
  gtk_drop_down_set_selected (self->status_filter, index);
}

void
nrem_recommendations_page_set_grouping (NremRecommendationsPage *self,
                                        NremGrouping             grouping)
{
  gtk_drop_down_set_selected (self->group_dropdown,
                              grouping == NREM_GROUPING_ADDRESSEE ? 1 : grouping == NREM_GROUPING_NONE ? 2 : 0);
}

/**
 * nrem_recommendations_page_set_author:
 * @uuid: (nullable): the participant who writes here
 *
 * Remembered in the database (meta "author"), not in GSettings: it belongs to this database.
 */
void
nrem_recommendations_page_set_author (NremRecommendationsPage *self,
                                      const char              *uuid)
{
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL)
    return;
  if (!nrem_store_is_read_only (get_store (self)) &&
      !nrem_store_set_meta (get_store (self), AUTHOR_META, uuid, &error))
    show_error (self, error);
  g_free (self->author);
  self->author = g_strdup (uuid);
  g_free (self->author_name);
  self->author_name = uuid != NULL ? nrem_store_dup_participant_name (get_store (self), uuid) : NULL;
  update_author (self);
}

const char *
nrem_recommendations_page_get_stack_name (NremRecommendationsPage *self)
{
  return gtk_stack_get_visible_child_name (self->list_stack);
}

void
nrem_recommendations_page_reload_now (NremRecommendationsPage *self)
{
  reload (self);
}

GtkWindow *
nrem_recommendations_page_get_dialog (NremRecommendationsPage *self)
{
  return self->dialog;
}
