/* nrem-participant-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-participants"

#include "config.h"

#include "nrem-participant-list.h"
#include "nrem-fold.h"
#include "nrem-store-participants.h"

#include <string.h>

/* above this many changes at once, one "everything changed" is cheaper than many signals */
#define BULK_CHANGES 64

struct _NremParticipantList
{
  GObject      parent_instance;

  NremStore   *store;
  GPtrArray   *items;        /* NremParticipantItem */
  GHashTable  *by_uuid;      /* uuid (owned) → item (in items) */
  char        *meeting;

  /* loading in chunks: the next page of the store to read */
  gboolean     loading;
  gint64       next_offset;
  guint        load_source;

  guint        reload_source;
  gboolean     loaded;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NremParticipantList, nrem_participant_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_MEETING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------
 * GListModel
 */

static GType
get_item_type (GListModel *model)
{
  return NREM_TYPE_PARTICIPANT_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return NREM_PARTICIPANT_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  NremParticipantList *self = NREM_PARTICIPANT_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ------------------------------------------------------------------------------------------
 * Reading the store
 */

/* Returns: (transfer full): participant uuid → GPtrArray of its attendance rows */
static GHashTable *
group_attendances (GPtrArray *rows)
{
  GHashTable *by_person = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);

  /* the rows come sorted by participant: each person's run is one array */
  for (guint i = 0; i < rows->len; )
    {
      NremRow *first = g_ptr_array_index (rows, i);
      const char *person = first->values[0];
      GPtrArray *mine = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_row_free);

      while (i < rows->len)
        {
          NremRow *row = g_ptr_array_index (rows, i);

          if (g_strcmp0 (row->values[0], person) != 0)
            break;
          g_ptr_array_add (mine, row);
          rows->pdata[i] = NULL;
          i++;
        }
      if (person != NULL)
        g_hash_table_replace (by_person, g_strdup (person), mine);
      else
        g_ptr_array_unref (mine);
    }
  return by_person;
}

static gboolean
read_store (NremParticipantList  *self,
            GPtrArray           **out_infos,
            GHashTable          **out_attendances,
            GError              **error)
{
  g_autoptr(GPtrArray) infos = nrem_store_list_participants (self->store, error);
  g_autoptr(GPtrArray) rows = NULL;

  if (infos == NULL)
    return FALSE;
  rows = nrem_store_list_attendances (self->store, error);
  if (rows == NULL)
    return FALSE;
  /* the rows move into the groups; the array only frees what is left */
  g_ptr_array_set_free_func (rows, (GDestroyNotify) nrem_row_free);
  *out_attendances = group_attendances (rows);
  *out_infos = g_steal_pointer (&infos);
  return TRUE;
}

static GPtrArray *
take_attendances (GHashTable *by_person,
                  const char *uuid)
{
  gpointer key = NULL, value = NULL;

  if (!g_hash_table_steal_extended (by_person, uuid, &key, &value))
    return NULL;
  g_free (key);
  return value;
}

static NremParticipantItem *
make_item (NremParticipantList *self,
           NremParticipantInfo *info,
           GHashTable          *attendances)
{
  NremParticipantItem *item = nrem_participant_item_new (info);

  nrem_participant_item_set_attendances (item, take_attendances (attendances, info->row->uuid));
  nrem_participant_item_set_meeting (item, self->meeting);
  g_hash_table_insert (self->by_uuid, g_strdup (info->row->uuid), item);
  return item;
}

/* ------------------------------------------------------------------------------------------
 * Loading in chunks: each chunk is one page of the store, by name, read when it is added, so
 * that the first rows do not wait for the others to be read. A change of the store while
 * loading queues a reload, which finishes the load and then brings everything up to date.
 */

static void
set_loading_done (NremParticipantList *self)
{
  self->loading = FALSE;
  g_clear_handle_id (&self->load_source, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Returns: how many people the page held (fewer than @limit: the last page) */
static gint64
add_page (NremParticipantList  *self,
          gint64                limit,
          GError              **error)
{
  g_autoptr(GPtrArray) infos = nrem_store_list_participants_page (self->store, self->next_offset, limit, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) attendances = NULL;
  guint start = self->items->len;
  guint added = 0;

  if (infos == NULL)
    return -1;
  rows = nrem_store_list_attendances_page (self->store, self->next_offset, limit, error);
  if (rows == NULL)
    return -1;
  attendances = group_attendances (rows);
  self->next_offset += infos->len;

  for (guint i = 0; i < infos->len; i++)
    {
      NremParticipantInfo *info = g_steal_pointer (&infos->pdata[i]);

      /* a page that moved under a write brings someone twice */
      if (g_hash_table_contains (self->by_uuid, info->row->uuid))
        {
          nrem_participant_info_free (info);
          continue;
        }
      g_ptr_array_add (self->items, make_item (self, info, attendances));
      added++;
    }
  if (added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), start, 0, added);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  return infos->len;
}

static gboolean
load_chunk_cb (gpointer user_data)
{
  NremParticipantList *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 n = add_page (self, NREM_PARTICIPANT_LIST_CHUNK, &error);

  if (n < 0)
    g_warning ("Cannot read the participants: %s", error->message);
  if (n == NREM_PARTICIPANT_LIST_CHUNK)
    return G_SOURCE_CONTINUE;
  self->load_source = 0;
  set_loading_done (self);
  return G_SOURCE_REMOVE;
}

/**
 * nrem_participant_list_finish_loading:
 *
 * Adds at once whatever the chunked load has not added yet.
 */
void
nrem_participant_list_finish_loading (NremParticipantList *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NREM_IS_PARTICIPANT_LIST (self));

  if (!self->loading)
    return;
  if (add_page (self, -1, &error) < 0)
    g_warning ("Cannot read the participants: %s", error->message);
  set_loading_done (self);
}

/**
 * nrem_participant_list_load:
 *
 * Reads the directory. The first %NREM_PARTICIPANT_LIST_FIRST_CHUNK people by name are in
 * the list when this returns; the others follow in chunks from the main loop, while
 * "loading" is %TRUE. Loading again replaces everything.
 */
gboolean
nrem_participant_list_load (NremParticipantList  *self,
                            GError              **error)
{
  guint removed;
  gint64 n;

  g_return_val_if_fail (NREM_IS_PARTICIPANT_LIST (self), FALSE);

  g_clear_handle_id (&self->load_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);

  removed = self->items->len;
  g_hash_table_remove_all (self->by_uuid);
  g_ptr_array_set_size (self->items, 0);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);

  self->loaded = TRUE;
  self->loading = TRUE;
  self->next_offset = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  n = add_page (self, NREM_PARTICIPANT_LIST_FIRST_CHUNK, error);
  if (n < 0)
    {
      set_loading_done (self);
      return FALSE;
    }
  if (n == NREM_PARTICIPANT_LIST_FIRST_CHUNK)
    self->load_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_chunk_cb, self, NULL);
  else
    set_loading_done (self);
  return TRUE;
}

gboolean
nrem_participant_list_is_loading (NremParticipantList *self)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_LIST (self), FALSE);
  return self->loading;
}

/* ------------------------------------------------------------------------------------------
 * Reloading after a change
 */

/**
 * nrem_participant_list_reload:
 *
 * Reads the store again and brings the list up to date: new people are appended, the gone
 * removed, and items whose record, country, mechanism or attendances changed are updated
 * in place and announced as changed, so that filters and sorters see them again.
 */
void
nrem_participant_list_reload (NremParticipantList *self)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GHashTable) attendances = NULL;
  g_autoptr(GHashTable) live = NULL;
  g_autoptr(GHashTable) updated = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint old_len;

  g_return_if_fail (NREM_IS_PARTICIPANT_LIST (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (!self->loaded)
    {
      if (!nrem_participant_list_load (self, &error))
        g_warning ("Cannot read the participants: %s", error->message);
      return;
    }
  nrem_participant_list_finish_loading (self);

  if (!read_store (self, &infos, &attendances, &error))
    {
      g_warning ("Cannot read the participants: %s", error->message);
      return;
    }

  live = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < infos->len; i++)
    {
      NremParticipantInfo *info = g_ptr_array_index (infos, i);
      NremParticipantItem *item = g_hash_table_lookup (self->by_uuid, info->row->uuid);

      infos->pdata[i] = NULL;
      if (item == NULL)
        {
          g_ptr_array_add (fresh, info);
          continue;
        }
      {
        GPtrArray *mine = take_attendances (attendances, nrem_participant_item_get_uuid (item));
        gboolean c = nrem_participant_item_set_info (item, info);

        c |= nrem_participant_item_set_attendances (item, mine);
        c |= nrem_participant_item_set_meeting (item, self->meeting);
        if (c)
          g_hash_table_add (updated, item);
      }
      /* the uuid of the item's info as it is now: set_info() replaced the old one */
      g_hash_table_add (live, (gpointer) nrem_participant_item_get_uuid (item));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      NremParticipantItem *item = g_ptr_array_index (self->items, i);

      if (!g_hash_table_contains (live, nrem_participant_item_get_uuid (item)))
        g_array_append_val (gone, i);
      else if (g_hash_table_contains (updated, item))
        g_array_append_val (changed, i);
    }

  old_len = self->items->len;
  if (gone->len + changed->len + fresh->len == 0)
    return;

  if (gone->len + changed->len + fresh->len > BULK_CHANGES)
    {
      g_autoptr(GPtrArray) kept = g_ptr_array_new_full (old_len + fresh->len, g_object_unref);
      guint g = 0;

      for (guint i = 0; i < old_len; i++)
        {
          NremParticipantItem *item = g_ptr_array_index (self->items, i);

          if (g < gone->len && g_array_index (gone, guint, g) == i)
            {
              g_hash_table_remove (self->by_uuid, nrem_participant_item_get_uuid (item));
              g++;
              continue;
            }
          g_ptr_array_add (kept, g_object_ref (item));
        }
      for (guint i = 0; i < fresh->len; i++)
        g_ptr_array_add (kept, make_item (self, g_ptr_array_index (fresh, i), attendances));
      g_ptr_array_unref (self->items);
      self->items = g_steal_pointer (&kept);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
    }
  else
    {
      for (guint i = 0; i < changed->len; i++)
        g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (changed, guint, i), 1, 1);
      for (guint i = gone->len; i > 0; i--)
        {
          guint position = g_array_index (gone, guint, i - 1);
          NremParticipantItem *item = g_ptr_array_index (self->items, position);

          g_hash_table_remove (self->by_uuid, nrem_participant_item_get_uuid (item));
          g_ptr_array_remove_index (self->items, position);
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
        }
      if (fresh->len > 0)
        {
          guint start = self->items->len;

          for (guint i = 0; i < fresh->len; i++)
            g_ptr_array_add (self->items, make_item (self, g_ptr_array_index (fresh, i), attendances));
          g_list_model_items_changed (G_LIST_MODEL (self), start, 0, fresh->len);
        }
    }
  if (old_len != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
reload_cb (gpointer user_data)
{
  NremParticipantList *self = user_data;

  self->reload_source = 0;
  nrem_participant_list_reload (self);
  return G_SOURCE_REMOVE;
}

/**
 * nrem_participant_list_queue_reload:
 * @kind: the kind of records that changed
 *
 * Reloads once the main loop is idle, if @kind is one the directory shows. An import
 * announces many kinds at once: they make one reload.
 */
void
nrem_participant_list_queue_reload (NremParticipantList *self,
                                    NremEntityKind       kind)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_LIST (self));

  if (kind != NREM_ENTITY_PARTICIPANT && kind != NREM_ENTITY_ATTENDANCE &&
      kind != NREM_ENTITY_MECHANISM && kind != NREM_ENTITY_COUNTRY)
    return;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, reload_cb, self, NULL);
}

/**
 * nrem_participant_list_flush:
 *
 * Runs a queued reload, and the rest of a chunked load, now.
 */
void
nrem_participant_list_flush (NremParticipantList *self)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_LIST (self));

  nrem_participant_list_finish_loading (self);
  if (self->reload_source != 0)
    nrem_participant_list_reload (self);
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
nrem_participant_list_dispose (GObject *object)
{
  NremParticipantList *self = (NremParticipantList *) object;

  g_clear_handle_id (&self->load_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);

  G_OBJECT_CLASS (nrem_participant_list_parent_class)->dispose (object);
}

static void
nrem_participant_list_finalize (GObject *object)
{
  NremParticipantList *self = (NremParticipantList *) object;

  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_free (self->meeting);

  G_OBJECT_CLASS (nrem_participant_list_parent_class)->finalize (object);
}

static void
nrem_participant_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NremParticipantList *self = NREM_PARTICIPANT_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, nrem_participant_list_is_loading (self));
      break;
    case PROP_MEETING:
      g_value_set_string (value, self->meeting);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_participant_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  NremParticipantList *self = NREM_PARTICIPANT_LIST (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      nrem_participant_list_set_meeting (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_participant_list_class_init (NremParticipantListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nrem_participant_list_dispose;
  object_class->finalize = nrem_participant_list_finalize;
  object_class->get_property = nrem_participant_list_get_property;
  object_class->set_property = nrem_participant_list_set_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_string ("meeting", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nrem_participant_list_init (NremParticipantList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

NremParticipantList *
nrem_participant_list_new (NremStore *store)
{
  NremParticipantList *self;

  g_return_val_if_fail (NREM_IS_STORE (store), NULL);

  self = g_object_new (NREM_TYPE_PARTICIPANT_LIST, NULL);
  self->store = g_object_ref (store);
  return self;
}

NremStore *
nrem_participant_list_get_store (NremParticipantList *self)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_LIST (self), NULL);
  return self->store;
}

/**
 * nrem_participant_list_set_meeting:
 * @meeting_uuid: (nullable): the meeting whose attendance the items show
 */
void
nrem_participant_list_set_meeting (NremParticipantList *self,
                                   const char          *meeting_uuid)
{
  g_autoptr(GArray) changed = NULL;

  g_return_if_fail (NREM_IS_PARTICIPANT_LIST (self));

  if (g_strcmp0 (self->meeting, meeting_uuid) == 0)
    return;
  g_free (self->meeting);
  self->meeting = g_strdup (meeting_uuid);

  changed = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->items->len; i++)
    if (nrem_participant_item_set_meeting (g_ptr_array_index (self->items, i), meeting_uuid))
      g_array_append_val (changed, i);

  if (changed->len > BULK_CHANGES)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->items->len, self->items->len);
  else
    for (guint i = 0; i < changed->len; i++)
      g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (changed, guint, i), 1, 1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

const char *
nrem_participant_list_get_meeting (NremParticipantList *self)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_LIST (self), NULL);
  return self->meeting;
}

/**
 * nrem_participant_list_lookup:
 *
 * Returns: (transfer none) (nullable): the item of the person @uuid
 */
NremParticipantItem *
nrem_participant_list_lookup (NremParticipantList *self,
                              const char          *uuid)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_LIST (self), NULL);

  if (uuid == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_uuid, uuid);
}

/**
 * nrem_participant_list_find_same:
 * @country: (nullable): ISO code
 * @except_uuid: (nullable): a person not to count (the one being edited)
 *
 * People who look like the same person: the same name once folded ("Hannah O'Connor" and
 * "hannah oconnor") and the same country.
 *
 * Returns: (transfer container) (element-type NremParticipantItem): the items
 */
GPtrArray *
nrem_participant_list_find_same (NremParticipantList *self,
                                 const char          *name,
                                 const char          *country,
                                 const char          *except_uuid)
{
  g_autofree char *key = nrem_fold (name);
  GPtrArray *same = g_ptr_array_new ();

  g_return_val_if_fail (NREM_IS_PARTICIPANT_LIST (self), same);

  if (key[0] == '\0')
    return same;
  nrem_participant_list_finish_loading (self);
  for (guint i = 0; i < self->items->len; i++)
    {
      NremParticipantItem *item = g_ptr_array_index (self->items, i);
      const char *c = nrem_participant_item_get_country (item);

      if (strcmp (nrem_participant_item_get_name_key (item), key) != 0)
        continue;
      if (g_strcmp0 (c != NULL && c[0] ? c : NULL, country != NULL && country[0] ? country : NULL) != 0)
        continue;
      if (except_uuid != NULL && g_strcmp0 (except_uuid, nrem_participant_item_get_uuid (item)) == 0)
        continue;
      g_ptr_array_add (same, item);
    }
  return same;
}
